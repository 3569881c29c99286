#ifndef WEFT_NCURSES_SHIM_H
#define WEFT_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncurses.h>

// Macros and globals Swift cannot see, as functions.
static inline int weft_a_bold(void) { return (int)A_BOLD; }
static inline int weft_a_reverse(void) { return (int)A_REVERSE; }
static inline int weft_a_dim(void) { return (int)A_DIM; }
static inline int weft_a_underline(void) { return (int)A_UNDERLINE; }
static inline int weft_a_italic(void) { return (int)A_ITALIC; }
static inline int weft_colors(void) { return COLORS; }
static inline int weft_color_pairs(void) { return COLOR_PAIRS; }
static inline int weft_lines(void) { return LINES; }
static inline int weft_cols(void) { return COLS; }
static inline WINDOW *weft_stdscr(void) { return stdscr; }
static inline void weft_set_escdelay(int ms) { set_escdelay(ms); }
static inline int weft_key_resize(void) { return KEY_RESIZE; }
#endif
