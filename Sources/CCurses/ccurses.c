#include <langinfo.h>
#include <signal.h>
#include <strings.h>
#include <string.h>
#include <wchar.h>
#include "ccurses.h"
#include <term.h>

int weft_a_bold(void) { return (int)A_BOLD; }
int weft_a_reverse(void) { return (int)A_REVERSE; }
int weft_a_dim(void) { return (int)A_DIM; }
int weft_a_underline(void) { return (int)A_UNDERLINE; }
int weft_a_italic(void) { return (int)A_ITALIC; }
int weft_colors(void) { return COLORS; }
int weft_color_pairs(void) { return COLOR_PAIRS; }
int weft_key_resize(void) { return KEY_RESIZE; }
WINDOW *weft_stdscr(void) { return stdscr; }
void weft_set_escdelay(int ms) { set_escdelay(ms); }

int weft_put_cell(int y, int x, const unsigned int *scalars, int count, int attrs, int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)scalars[i];
    text[n] = 0;
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attrs, (short)(pair < 32767 ? pair : 0), NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int sig) { pending_signal = sig; }

void weft_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
}

int weft_take_signal(void) {
    int s = pending_signal;
    pending_signal = 0;
    return s;
}

SCREEN *weft_newterm(void) { return newterm(NULL, stdout, stdin); }

int weft_can_address_cursor(void) {
    // A terminal without cursor addressing (TERM=dumb) can only scroll lines: no screen to draw on.
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

int weft_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

static void restore_and_crash(int sig) {
    // Not async-signal-safe in theory; in practice it is what every curses program
    // does so that a crash does not leave the terminal in raw mode.
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

void weft_install_crash_handlers(void) {
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = restore_and_crash;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        sigaction(sigs[i], &sa, NULL);
    }
}

void weft_enable_mouse(void) {
    // Presses (not clicks: a click waits for the release) and the wheel. With mouse reporting on,
    // terminals still select text when Shift is held.
    mouseinterval(0);
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

int weft_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    return 0;
}
