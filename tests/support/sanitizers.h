// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace TestSupport {

// Whether this build runs under AddressSanitizer (gcc and clang spell it
// differently): what it does to memory and time changes what a test may
// measure.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool builtWithAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool builtWithAddressSanitizer = true;
#else
inline constexpr bool builtWithAddressSanitizer = false;
#endif
#else
inline constexpr bool builtWithAddressSanitizer = false;
#endif

} // namespace TestSupport
