// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/filelist.h"

#include "core/filenames.h"

#include <algorithm>
#include <limits>

namespace Resguarda {

namespace {

// Records never straddle two chunks, so a name is read in place. A chunk
// is allocated once at its full size: growing one buffer would copy it and
// need twice its memory for a moment.
constexpr int chunkBits = 20;
constexpr qint64 chunkSize = qint64(1) << chunkBits;
// A record: the name's length, the name, the size (variable-length
// integers, 7 bits a byte). A file name has at most 255 bytes on Linux, a
// path in a ZIP file 65535.
constexpr qsizetype maxNameBytes = 256 * 1024;

void appendNumber(QByteArray *into, quint64 value)
{
    while (value >= 0x80) {
        into->append(char(0x80 | (value & 0x7f)));
        value >>= 7;
    }
    into->append(char(value));
}

quint64 readNumber(const char **at)
{
    quint64 value = 0;
    for (int shift = 0;; shift += 7) {
        const quint8 byte = quint8(*(*at)++);
        value |= quint64(byte & 0x7f) << shift;
        if (byte < 0x80)
            return value;
    }
}

} // namespace

const char *FileList::recordAt(qint64 position) const
{
    return m_chunks[qsizetype(position >> chunkBits)].constData() + (position & (chunkSize - 1));
}

QByteArrayView FileList::nameAt(qint64 position) const
{
    const char *at = recordAt(position);
    const auto length = qsizetype(readNumber(&at));
    return QByteArrayView(at, length);
}

void FileList::readFile(const Folder &folder, qint64 position, SourceFile *file) const
{
    // The path's buffer is reused when nobody kept a copy of it.
    file->archivePath.resize(0);
    file->archivePath.append(folder.prefix);
    const char *at = recordAt(position);
    const auto length = qsizetype(readNumber(&at));
    FileNames::appendDecoded(&file->archivePath, QByteArrayView(at, length));
    at += length;
    file->size = qint64(readNumber(&at));
}

FileList FileList::fromFiles(const QList<SourceFile> &files)
{
    // One folder whose names are the whole paths: they are ordered as the
    // paths are.
    Builder builder {QString()};
    for (const auto &file : files)
        builder.addFile(FileNames::encode(file.archivePath), file.size);
    QList<QByteArray> noSubFolders;
    builder.finishFolder(&noSubFolders);
    return builder.take();
}

FileList::const_iterator FileList::begin() const
{
    return const_iterator(this);
}

FileList::const_iterator FileList::end() const
{
    return const_iterator();
}

FileList::const_iterator FileList::cbegin() const
{
    return begin();
}

FileList::const_iterator FileList::cend() const
{
    return end();
}

QStringList FileList::folderPrefixesWithFiles() const
{
    QStringList prefixes;
    for (const auto &folder : m_folders) {
        if (!folder.order.isEmpty())
            prefixes.append(folder.prefix);
    }
    return prefixes;
}

void FileList::removeIf(const std::function<bool(const SourceFile &)> &remove)
{
    if (m_count == 0)
        return;
    // The same walk as const_iterator's, keeping the files that stay and
    // telling each sub-folder how many of its parent's files still come
    // before it.
    struct Level
    {
        qsizetype folder = 0;
        qsizetype nextFile = 0;
        qsizetype nextChild = 0;
        QList<quint32> kept;
    };
    std::vector<Level> stack;
    stack.push_back({});
    SourceFile file;
    while (!stack.empty()) {
        Level &top = stack.back();
        Folder &folder = m_folders[top.folder];
        if (top.nextChild < folder.childCount) {
            const qsizetype child = folder.firstChild + top.nextChild;
            if (m_folders[child].filesBefore <= top.nextFile) {
                ++top.nextChild;
                m_folders[child].filesBefore = top.kept.size();
                stack.push_back({child, 0, 0, {}});
                continue;
            }
        }
        if (top.nextFile < folder.order.size()) {
            const quint32 offset = folder.order[top.nextFile++];
            const qint64 position = folder.runStart + offset;
            readFile(folder, position, &file);
            if (remove(file)) {
                --m_count;
                m_bytes -= file.size;
            } else {
                top.kept.append(offset);
            }
            continue;
        }
        if (top.kept.size() != folder.order.size())
            folder.order = std::move(top.kept);
        stack.pop_back();
    }
}

FileList::const_iterator::const_iterator(const FileList *list)
    : m_list(list)
{
    if (list->m_count == 0)
        return;
    m_stack.push_back({});
    advance();
}

void FileList::const_iterator::advance()
{
    // A folder's files and sub-folders in the order of their names, a
    // sub-folder's name taken with its '/' (it stands for its paths): each
    // sub-folder comes after filesBefore of its parent's files.
    while (!m_stack.empty()) {
        Level &top = m_stack.back();
        const Folder &folder = m_list->m_folders[top.folder];
        if (top.nextChild < folder.childCount) {
            const qsizetype child = folder.firstChild + top.nextChild;
            if (m_list->m_folders[child].filesBefore <= top.nextFile) {
                ++top.nextChild;
                m_stack.push_back({child, 0, 0});
                continue;
            }
        }
        if (top.nextFile < folder.order.size()) {
            m_list->readFile(folder, folder.runStart + folder.order[top.nextFile++], &m_current);
            return;
        }
        m_stack.pop_back();
    }
}

FileList::Builder::Builder(const QString &prefix)
{
    Folder top;
    top.prefix = prefix;
    m_list.m_folders.append(top);
}

void FileList::Builder::addFile(QByteArrayView name, qint64 size)
{
    if (name.size() > maxNameBytes)
        qFatal("FileList: a name is too long");
    const qsizetype recordBytes = 2 * 10 + name.size();
    if (m_list.m_chunks.isEmpty() || m_list.m_chunks.last().size() + recordBytes > chunkSize) {
        QByteArray chunk;
        chunk.reserve(chunkSize);
        m_list.m_chunks.append(std::move(chunk));
    }
    QByteArray &chunk = m_list.m_chunks.last();
    const qint64 position = qint64(m_list.m_chunks.size() - 1) * chunkSize + chunk.size();
    Folder &folder = m_list.m_folders[m_current];
    if (folder.order.isEmpty())
        folder.runStart = position;
    const qint64 offset = position - folder.runStart;
    // Over a thousand million files in one folder: memory ran out long ago.
    if (offset > std::numeric_limits<quint32>::max())
        qFatal("FileList: a folder holds too many files");
    appendNumber(&chunk, quint64(name.size()));
    chunk.append(name.data(), name.size());
    appendNumber(&chunk, quint64(std::max<qint64>(size, 0)));
    folder.order.append(quint32(offset));
    ++m_list.m_count;
    m_list.m_bytes += std::max<qint64>(size, 0);
}

void FileList::Builder::dropCurrentFolder()
{
    Folder &folder = m_list.m_folders[m_current];
    SourceFile file;
    for (const quint32 offset : std::as_const(folder.order)) {
        m_list.readFile(folder, folder.runStart + offset, &file);
        --m_list.m_count;
        m_list.m_bytes -= file.size;
    }
    folder.order.clear();
}

qsizetype FileList::Builder::finishFolder(QList<QByteArray> *subFolders)
{
    const FileList &list = m_list;
    Folder &folder = m_list.m_folders[m_current];
    const qint64 runStart = folder.runStart;
    auto name = [&](quint32 offset) {
        return list.nameAt(runStart + offset);
    };
    std::sort(folder.order.begin(), folder.order.end(), [&](quint32 a, quint32 b) {
        return FileNames::compareDecoded(name(a), name(b)) < 0;
    });
    folder.order.squeeze();
    // A sub-folder is ordered by its name and '/': decode() turns each byte
    // of a sequence cut short by the '/' into an escaped byte, as it does
    // at the end of the name, so this is the name's decoding and '/'.
    for (auto &sub : *subFolders)
        sub.append('/');
    std::sort(subFolders->begin(), subFolders->end(), [](const QByteArray &a, const QByteArray &b) {
        return FileNames::compareDecoded(a, b) < 0;
    });
    const qsizetype first = m_list.m_folders.size();
    const QString prefix = folder.prefix;
    const QList<quint32> order = folder.order;
    folder.firstChild = first;
    folder.childCount = subFolders->size();
    for (auto &sub : *subFolders) {
        Folder child;
        child.prefix = prefix + FileNames::decode(sub);
        child.filesBefore
            = std::lower_bound(order.begin(), order.end(), sub,
                               [&](quint32 offset, const QByteArray &key) {
                                   return FileNames::compareDecoded(name(offset), key) < 0;
                               })
            - order.begin();
        sub.chop(1);
        m_list.m_folders.append(std::move(child));
    }
    return first;
}

FileList FileList::Builder::take()
{
    if (!m_list.m_chunks.isEmpty())
        m_list.m_chunks.last().squeeze();
    return std::move(m_list);
}

} // namespace Resguarda
