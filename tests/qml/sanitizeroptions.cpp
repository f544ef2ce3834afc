// SPDX-License-Identifier: GPL-3.0-or-later
// Under AddressSanitizer (the asan preset), Qt Quick leaks a few textures of
// its own at exit, which tests/sanitizers/lsan.supp silences by the Qt
// functions that allocate them. Qt's libraries have no frame pointers, so the
// fast unwinder stops at their first frame and never reaches those
// functions: this runner records allocation stacks the slow, complete way.
// ASAN_OPTIONS from the environment still apply on top. Without ASan the
// function is never called.
extern "C" const char *__asan_default_options()
{
    return "fast_unwind_on_malloc=0";
}
