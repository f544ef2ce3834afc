// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/zipaes.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <nettle/aes.h>
#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/memxor.h>
#include <nettle/pbkdf2.h>

#include <cstring>
#include <string.h> // explicit_bzero (glibc)

namespace Resguarda::ZipAes {

namespace {

// Key stream made this many blocks at a time: nettle's aes256_encrypt then
// runs over 1 KiB at once (AES-NI pipelines several blocks), while memory
// stays fixed whatever the entry's size.
constexpr int streamBlocks = 64;
constexpr int blockSize = AES_BLOCK_SIZE;
constexpr int derivedSize = 2 * keySize + verifierSize;

// explicit_bzero, not memset: the compiler may drop a memset of memory that
// is never read again, and this memory held keys. nettle has no public wipe
// function, so this is glibc's.
void wipe(void *data, size_t size)
{
    explicit_bzero(data, size);
}

const uint8_t *bytes(QByteArrayView view)
{
    return reinterpret_cast<const uint8_t *>(view.data());
}

} // namespace

// The keys of one entry and where its key stream stands. Shared by the
// encryptor and the decryptor, which differ only in what the MAC reads.
struct KeyState
{
    aes256_ctx aes;
    hmac_sha1_ctx hmac;
    unsigned char verifier[verifierSize];
    // WinZip's counter: a 128-bit little-endian integer, 1 for the first
    // block. nettle's ctr_crypt increments its counter block as a big-endian
    // number, so started at 01 00 .. 00 it would give the same first block
    // and then diverge from the second on (01 00 .. 00 01 for nettle, 02 00
    // .. 00 for WinZip); nettle 3.8 has no little-endian CTR. So the counter is ours
    // and each key stream block is nettle's aes256_encrypt of it: the
    // increment is the only mode logic here, and the XOR is nettle's memxor.
    // 64 bits of it are enough (2^64 blocks is far beyond any entry), the
    // upper 8 bytes of every counter block stay 0, as in Gladman's fileenc.c
    // that WinZip's spec points to.
    quint64 counter = 0;
    unsigned char stream[streamBlocks * blockSize];
    int streamUsed = sizeof(stream); // nothing left: make more on first use

    KeyState(QByteArrayView password, QByteArrayView salt)
    {
        unsigned char derived[derivedSize];
        detail::pbkdf2HmacSha1(password, salt, kdfIterations, derived, derivedSize);
        aes256_set_encrypt_key(&aes, derived);
        hmac_sha1_set_key(&hmac, keySize, derived + keySize);
        std::memcpy(verifier, derived + 2 * keySize, verifierSize);
        wipe(derived, sizeof(derived));
    }

    ~KeyState()
    {
        wipe(&aes, sizeof(aes));
        wipe(&hmac, sizeof(hmac));
        wipe(verifier, sizeof(verifier));
        wipe(stream, sizeof(stream));
    }

    KeyState(const KeyState &) = delete;
    KeyState &operator=(const KeyState &) = delete;

    void refill()
    {
        unsigned char counters[sizeof(stream)] = {};
        for (int block = 0; block < streamBlocks; ++block) {
            ++counter;
            qToLittleEndian<quint64>(counter, counters + block * blockSize);
        }
        aes256_encrypt(&aes, sizeof(stream), stream, counters);
        streamUsed = 0;
    }

    // out = in XOR key stream; out may be in.
    void crypt(const char *in, char *out, qsizetype size)
    {
        while (size > 0) {
            if (streamUsed == int(sizeof(stream)))
                refill();
            const qsizetype n = qMin<qsizetype>(size, int(sizeof(stream)) - streamUsed);
            if (out != in)
                std::memcpy(out, in, size_t(n));
            memxor(out, stream + streamUsed, size_t(n));
            streamUsed += int(n);
            in += n;
            out += n;
            size -= n;
        }
    }

    void authenticate(const char *data, qsizetype size)
    {
        hmac_sha1_update(&hmac, size_t(size), reinterpret_cast<const uint8_t *>(data));
    }

    void authCode(unsigned char *code)
    {
        // nettle truncates the digest to the length asked for: the first 10
        // bytes of HMAC-SHA1, as the spec says.
        hmac_sha1_digest(&hmac, authCodeSize, code);
    }
};

void detail::pbkdf2HmacSha1(QByteArrayView password, QByteArrayView salt, unsigned iterations,
                            unsigned char *out, qsizetype size)
{
    pbkdf2_hmac_sha1(size_t(password.size()), bytes(password), iterations, size_t(salt.size()),
                     bytes(salt), size_t(size), out);
}

// QRandomGenerator::system() reads the operating system's generator (on
// Linux getrandom(), falling back to /dev/urandom): the kernel's CSPRNG,
// seeded from hardware entropy, which Qt documents as suitable for
// cryptographic use. Never QRandomGenerator::global() or a seeded generator,
// whose output can be predicted. A salt need not be secret, only never
// repeated, which 128 random bits ensure.
QByteArray randomSalt()
{
    quint32 words[saltSize / sizeof(quint32)];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), saltSize);
}

QByteArray buildExtraField(quint16 compressionMethod)
{
    QByteArray field(extraFieldSize, '\0');
    auto *p = reinterpret_cast<uchar *>(field.data());
    qToLittleEndian<quint16>(extraFieldId, p);
    qToLittleEndian<quint16>(extraFieldDataSize, p + 2);
    qToLittleEndian<quint16>(2, p + 4); // AE-2: the CRC is 0 (see docs/copy-format.md)
    p[6] = 'A';
    p[7] = 'E';
    p[8] = strengthAes256;
    qToLittleEndian<quint16>(compressionMethod, p + 9);
    return field;
}

ExtraFieldStatus parseExtraFieldData(QByteArrayView data, ExtraField *field)
{
    if (data.size() != extraFieldDataSize)
        return ExtraFieldStatus::Malformed;
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    if (p[2] != 'A' || p[3] != 'E')
        return ExtraFieldStatus::Malformed;
    const quint16 version = qFromLittleEndian<quint16>(p);
    if (version != 1 && version != 2)
        return ExtraFieldStatus::UnsupportedVersion;
    if (p[4] != strengthAes256)
        return ExtraFieldStatus::UnsupportedStrength;
    const quint16 compressionMethod = qFromLittleEndian<quint16>(p + 5);
    if (compressionMethod == method)
        return ExtraFieldStatus::Malformed;
    field->vendorVersion = version;
    field->compressionMethod = compressionMethod;
    return ExtraFieldStatus::Ok;
}

ExtraFieldStatus findExtraField(QByteArrayView extraBlock, ExtraField *field)
{
    const auto *p = reinterpret_cast<const uchar *>(extraBlock.data());
    const qsizetype size = extraBlock.size();
    qsizetype at = 0;
    bool found = false;
    ExtraFieldStatus status = ExtraFieldStatus::Missing;
    while (at < size) {
        if (size - at < 4)
            return ExtraFieldStatus::Malformed;
        const quint16 id = qFromLittleEndian<quint16>(p + at);
        const quint16 length = qFromLittleEndian<quint16>(p + at + 2);
        if (size - at - 4 < length)
            return ExtraFieldStatus::Malformed;
        if (id == extraFieldId) {
            // Two AES records could tell two readers two different methods.
            if (found)
                return ExtraFieldStatus::Malformed;
            found = true;
            status = parseExtraFieldData(extraBlock.sliced(at + 4, length), field);
        }
        at += 4 + length;
    }
    return status;
}

Encryptor::Encryptor(QByteArrayView password, QByteArrayView salt)
    : m_state(std::make_unique<KeyState>(password, salt))
{
    Q_ASSERT(salt.size() == saltSize);
    m_header = salt.toByteArray();
    m_header.append(reinterpret_cast<const char *>(m_state->verifier), verifierSize);
}

Encryptor::Encryptor(QByteArrayView password)
    : Encryptor(password, randomSalt())
{
}

Encryptor::~Encryptor() = default;

QByteArray Encryptor::header() const
{
    return m_header;
}

void Encryptor::update(const char *in, char *out, qsizetype size)
{
    Q_ASSERT(m_state);
    // Encrypt then MAC: the code covers the encrypted bytes.
    m_state->crypt(in, out, size);
    m_state->authenticate(out, size);
}

QByteArray Encryptor::finish()
{
    Q_ASSERT(m_state);
    QByteArray code(authCodeSize, '\0');
    m_state->authCode(reinterpret_cast<unsigned char *>(code.data()));
    m_state.reset();
    return code;
}

Decryptor::Decryptor(QByteArrayView password, QByteArrayView header)
{
    if (header.size() != headerSize)
        return;
    m_state = std::make_unique<KeyState>(password, header.first(saltSize));
    // The verifier is not secret (it is in the file) and only tells a typo
    // from damage, so a plain compare leaks nothing.
    if (std::memcmp(m_state->verifier, header.data() + saltSize, verifierSize) != 0) {
        m_state.reset();
        m_headerResult = Result::WrongPassword;
        return;
    }
    m_headerResult = Result::Ok;
}

Decryptor::~Decryptor() = default;

void Decryptor::update(const char *in, char *out, qsizetype size)
{
    Q_ASSERT(m_state);
    // The code covers the encrypted bytes: read them before decrypting in place.
    m_state->authenticate(in, size);
    m_state->crypt(in, out, size);
}

Decryptor::Result Decryptor::finish(QByteArrayView authCode)
{
    Q_ASSERT(m_state);
    unsigned char expected[authCodeSize];
    m_state->authCode(expected);
    m_state.reset();
    // In constant time: how many leading bytes of a forged code match must
    // not show in how long the compare takes.
    const bool same = authCode.size() == authCodeSize
        && memeql_sec(expected, authCode.data(), authCodeSize) != 0;
    wipe(expected, sizeof(expected));
    return same ? Result::Ok : Result::Damaged;
}

} // namespace Resguarda::ZipAes
