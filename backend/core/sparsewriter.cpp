// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sparsewriter.h"

#include <QFile>

#include <algorithm>
#include <cstring>

namespace Resguarda {

namespace {

// The file system's block: smaller zero runs are written, as holes could
// not save anything there.
constexpr qint64 blockSize = 4096;

bool isZero(const char *data, qint64 length)
{
    static const char zeros[blockSize] = {};
    return std::memcmp(data, zeros, size_t(length)) == 0;
}

} // namespace

SparseWriter::SparseWriter(QFile &file)
    : m_file(file)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

bool SparseWriter::writeBlocks(const char *data, qint64 length)
{
    // Whole blocks are zeros or not; consecutive blocks with data go out in
    // one write. A last partial block (only from finish()) is data.
    qint64 done = 0;
    while (done < length) {
        qint64 chunk = std::min(length - done, blockSize);
        if (chunk == blockSize && isZero(data + done, chunk)) {
            m_position += chunk;
            done += chunk;
            continue;
        }
        while (done + chunk < length) {
            const qint64 next = std::min(length - done - chunk, blockSize);
            if (next == blockSize && isZero(data + done + chunk, next))
                break;
            chunk += next;
        }
        if ((m_file.pos() != m_position && !m_file.seek(m_position))
            || m_file.write(data + done, chunk) != chunk) {
            setErrorString(m_file.errorString());
            return false;
        }
        m_position += chunk;
        m_written = m_position;
        done += chunk;
    }
    return true;
}

qint64 SparseWriter::writeData(const char *data, qint64 length)
{
    // Blocks are aligned to the file's offsets, as the file system's are:
    // pieces of any size are gathered into whole blocks first.
    qint64 done = 0;
    if (!m_pending.isEmpty()) {
        done = std::min(length, blockSize - m_pending.size());
        m_pending.append(data, done);
        if (m_pending.size() < blockSize)
            return done;
        if (!writeBlocks(m_pending.constData(), blockSize))
            return -1;
        m_pending.clear();
    }
    const qint64 whole = (length - done) / blockSize * blockSize;
    if (!writeBlocks(data + done, whole))
        return -1;
    done += whole;
    m_pending.append(data + done, length - done);
    return length;
}

bool SparseWriter::finish()
{
    if (!m_pending.isEmpty()) {
        if ((m_file.pos() != m_position && !m_file.seek(m_position))
            || m_file.write(m_pending) != m_pending.size()) {
            setErrorString(m_file.errorString());
            return false;
        }
        m_position += m_pending.size();
        m_written = m_position;
        m_pending.clear();
    }
    if (m_position > m_written && !m_file.resize(m_position)) {
        setErrorString(m_file.errorString());
        return false;
    }
    return m_file.flush();
}

} // namespace Resguarda
