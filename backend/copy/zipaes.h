// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <memory>

// The encryption of one ZIP entry in WinZip's AES format, AE-2 with AES-256
// (https://www.winzip.com/en/support/aes-encryption/), which 7-Zip, WinRAR,
// PeaZip and WinZip open. Every primitive is nettle's: PBKDF2-HMAC-SHA1 for
// the keys, AES-256 for the key stream, HMAC-SHA1 for the authentication
// code. What is ours is only the format around them: the layout, and the
// little-endian counter of WinZip's CTR mode, which nettle's ctr_crypt (big
// endian) does not offer.
//
// An encrypted entry's stored data is
//
//   salt (16) | password verifier (2) | encrypted data | authentication code (10)
//
// with compression method 99, general purpose bit 0 set, and the AES extra
// field (0x9901) naming the real method (0 or 8). Compression comes first: the
// encrypted data is the deflated (or stored) file, encrypted.
namespace Resguarda::ZipAes {

inline constexpr quint16 method = 99;
inline constexpr quint16 extraFieldId = 0x9901;
inline constexpr int extraFieldDataSize = 7;
inline constexpr int extraFieldSize = 4 + extraFieldDataSize;
// What 7-Zip writes as "version needed to extract" for AES entries (5.1).
inline constexpr quint16 versionNeeded = 51;

inline constexpr int strengthAes256 = 3;
inline constexpr int saltSize = 16;
inline constexpr int keySize = 32;
inline constexpr int verifierSize = 2;
inline constexpr int headerSize = saltSize + verifierSize;
inline constexpr int authCodeSize = 10;
// What encryption adds to an entry's stored size.
inline constexpr int overhead = headerSize + authCodeSize;
inline constexpr unsigned kdfIterations = 1000;

// 16 bytes from the system's CSPRNG (see the .cpp for why).
QByteArray randomSalt();

// The AES extra field of an entry.
struct ExtraField
{
    // 1 (AE-1: the entry's CRC-32 is stored and must be checked after
    // decryption) or 2 (AE-2: the CRC is 0 and not checked; only the
    // authentication code protects the entry).
    int vendorVersion = 2;
    // The method of the data once decrypted: 0 stored, 8 deflated, or any
    // other the caller then refuses as it refuses it unencrypted.
    quint16 compressionMethod = 0;

    bool crcIsStored() const { return vendorVersion == 1; }
};

enum class ExtraFieldStatus {
    Ok,
    Missing, // no 0x9901 record in the extra block
    Malformed, // wrong size, truncated block, duplicate record, vendor id not "AE",
               // compression method 99 again
    UnsupportedVersion, // vendor version other than 1 and 2
    UnsupportedStrength, // AES-128 (1), AES-192 (2), or no strength WinZip defines
};

// The whole field, header id and size included (11 bytes), for AE-2 and
// AES-256: what an entry written by Resguarda carries.
QByteArray buildExtraField(quint16 compressionMethod);
// The field's 7 data bytes (without its id and size).
ExtraFieldStatus parseExtraFieldData(QByteArrayView data, ExtraField *field);
// Finds and parses the AES field in an entry's whole extra block, which must
// itself be a well-formed sequence of records.
ExtraFieldStatus findExtraField(QByteArrayView extraBlock, ExtraField *field);

struct KeyState;

// Encrypts one entry, streaming: header() first, then update() for the data
// in chunks of any size (memory does not grow with the entry), then finish()
// for the authentication code that follows the data.
class Encryptor
{
public:
    // password: the bytes the user typed, UTF-8 (see docs/copy-format.md).
    // salt: saltSize bytes; randomSalt() unless a test needs a fixed one.
    Encryptor(QByteArrayView password, QByteArrayView salt);
    explicit Encryptor(QByteArrayView password);
    ~Encryptor();
    Encryptor(const Encryptor &) = delete;
    Encryptor &operator=(const Encryptor &) = delete;

    // Salt and password verifier: the first headerSize bytes of the entry.
    QByteArray header() const;
    // out may be in (in place) or must not overlap it.
    void update(const char *in, char *out, qsizetype size);
    // The authCodeSize bytes after the data. Afterwards the keys
    // are wiped, and update() must not be called again.
    QByteArray finish();

private:
    std::unique_ptr<KeyState> m_state;
    QByteArray m_header;
};

// Decrypts one entry, streaming. The verifier is checked when it is
// constructed, before any data is read, so a wrong password is told apart
// from damage; the authentication code at the end proves the data is what
// was encrypted with this password.
class Decryptor
{
public:
    enum class Result {
        Ok,
        // The password verifier does not match: almost surely a wrong
        // password (a damaged header gives the same, 1 time in 65,536 a
        // wrong password gets past it and fails as Damaged instead).
        WrongPassword,
        // The header or the authentication code is missing or truncated, or
        // the code does not match: the data was changed, truncated, or (see
        // above) the password is wrong. Nothing decrypted may be trusted.
        Damaged,
    };

    // header: the first headerSize bytes of the entry's stored data.
    Decryptor(QByteArrayView password, QByteArrayView header);
    ~Decryptor();
    Decryptor(const Decryptor &) = delete;
    Decryptor &operator=(const Decryptor &) = delete;

    // Ok, WrongPassword or Damaged (a header of the wrong size); update()
    // and finish() may be called only when Ok.
    Result headerResult() const { return m_headerResult; }
    // out may be in (in place) or must not overlap it.
    void update(const char *in, char *out, qsizetype size);
    // authCode: the authCodeSize bytes after the data. Compared in
    // constant time. Afterwards the keys are wiped.
    Result finish(QByteArrayView authCode);

private:
    std::unique_ptr<KeyState> m_state;
    Result m_headerResult = Result::Damaged;
};

// The size of the encrypted data inside an entry's stored data, or -1 when
// storedSize cannot even hold the header and the authentication code.
inline qint64 encryptedDataSize(qint64 storedSize)
{
    return storedSize >= overhead ? storedSize - overhead : -1;
}

namespace detail {
// PBKDF2-HMAC-SHA1 (nettle's), exposed for the known-answer tests of
// RFC 6070; the entry keys use kdfIterations and 2 * keySize + verifierSize
// bytes of it.
void pbkdf2HmacSha1(QByteArrayView password, QByteArrayView salt, unsigned iterations,
                    unsigned char *out, qsizetype size);
} // namespace detail

} // namespace Resguarda::ZipAes
