#define _GNU_SOURCE
#include <locale.h>
#include <wchar.h>
#include <pthread.h>
#include "cwidth.h"

// wcwidth() is not visible from Swift, and it answers by the calling
// thread's LC_CTYPE. A private UTF-8 locale, switched to only for the call,
// makes the answer independent of how the process locale was set, so the
// UI core measures text exactly as ncursesw will draw it.
static locale_t utf8_locale;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_locale(void) {
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (utf8_locale == (locale_t)0) {
        utf8_locale = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
    }
}

int weft_wcwidth(unsigned int scalar) {
    pthread_once(&once, make_locale);
    if (utf8_locale == (locale_t)0) {
        return wcwidth((wchar_t)scalar);
    }
    locale_t old = uselocale(utf8_locale);
    int w = wcwidth((wchar_t)scalar);
    uselocale(old);
    return w;
}
