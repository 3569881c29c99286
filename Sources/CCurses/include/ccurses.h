#ifndef WEFT_CCURSES_H
#define WEFT_CCURSES_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <ncurses.h>

/// Attribute macros Swift cannot see.
int weft_a_bold(void);
int weft_a_reverse(void);
int weft_a_dim(void);
int weft_a_underline(void);
int weft_a_italic(void);
int weft_colors(void);
int weft_color_pairs(void);
int weft_key_resize(void);
WINDOW *weft_stdscr(void);
void weft_set_escdelay(int ms);

/// Draws one cell: the scalars of one character (up to 8) with attributes and a colour pair.
int weft_put_cell(int y, int x, const unsigned int *scalars, int count, int attrs, int pair);

/// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT that only record the signal,
/// so the program can save its state and restore the terminal itself. Call before newterm,
/// which then leaves them in place.
void weft_install_signal_handlers(void);

/// newterm on the process's standard output and input; NULL when TERM is unknown.
SCREEN *weft_newterm(void);
/// Whether the current terminal can move the cursor anywhere (terminfo `cup`).
int weft_can_address_cursor(void);

/// Whether the locale's character set (after setlocale) is UTF-8.
int weft_locale_is_utf8(void);

/// Installs handlers for crash signals that restore the terminal, then let the crash proceed.
void weft_install_crash_handlers(void);

/// The last signal caught and not yet taken, or 0; taking it clears it.
int weft_take_signal(void);

/// Asks for button-1 presses and wheel events.
void weft_enable_mouse(void);
/// Reads the pending mouse event: 1 press, 2 wheel up, 3 wheel down, 0 anything else; its cell in x and y.
int weft_read_mouse(int *x, int *y);

#endif
