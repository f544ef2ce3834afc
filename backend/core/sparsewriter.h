// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

class QFile;

namespace Resguarda {

// Writes into a file, leaving holes where whole blocks are zeros: a
// restored sparse file (a database preallocated to 5 GB, say) takes the disk
// space it took before, not its full size, and reads back the same. The
// file must be new and empty; finish() gives it its final size.
class SparseWriter : public QIODevice
{
public:
    explicit SparseWriter(QFile &file);

    // Extends the file over a trailing hole; false when that fails.
    bool finish();

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override;

private:
    // Writes whole blocks (length a multiple of the block size, or less at
    // the very end), leaving holes for blocks of zeros.
    bool writeBlocks(const char *data, qint64 length);

    QFile &m_file;
    QByteArray m_pending; // the start of a block not yet complete
    qint64 m_position = 0; // where the next byte goes
    qint64 m_written = 0; // the end of what was really written
};

} // namespace Resguarda
