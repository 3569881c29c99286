#ifndef WEFT_CWIDTH_H
#define WEFT_CWIDTH_H

/// The number of terminal columns the C library gives one Unicode scalar,
/// measured in a UTF-8 locale whatever the process locale is: the same table
/// ncursesw uses to advance the cursor. -1 for a non-printable scalar.
int weft_wcwidth(unsigned int scalar);

#endif
