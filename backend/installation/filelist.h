// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <iterator>
#include <vector>

namespace Resguarda {

// A regular file of the installation and the name it has inside a copy.
// Inside the installation, archivePath is also its path below the root
// (RootedDir::filePath() gives the absolute one for a message).
struct SourceFile
{
    QString archivePath; // "AT/empresas/0001/anual/2024/saldos.dat"
    qint64 size = 0;
};

// The regular files of a tree, in the order of their archive paths as
// QString compares them (what a copy's entries follow).
//
// An installation may hold a million small files: a QString pair per file
// would cost several hundred bytes each. Here each folder's archive path is
// stored once, and each file only as its name's bytes (as the file system
// gave them: FileNames::decode() turns them into the path losslessly) and
// its size, packed into large shared chunks, plus a 4-byte index that gives
// the order: about the name's length plus 8 bytes per file.
//
// Copies share the data (implicitly, as Qt containers do).
class FileList
{
public:
    class Builder;
    class const_iterator;

    // A list of a few files that were not found by listing a tree (any
    // paths, in any order).
    static FileList fromFiles(const QList<SourceFile> &files);

    qsizetype size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qint64 totalBytes() const { return m_bytes; }

    const_iterator begin() const;
    const_iterator end() const;
    const_iterator cbegin() const;
    const_iterator cend() const;

    // Removes the files for which remove is true (called once per file, in
    // order). The memory of their names is not given back.
    void removeIf(const std::function<bool(const SourceFile &file)> &remove);

    // The archive paths of the folders that hold at least one file, each
    // with a trailing '/' (or empty for files listed with an empty prefix).
    QStringList folderPrefixesWithFiles() const;

private:
    struct Folder
    {
        QString prefix; // archive path + '/', or empty for files at the top
        QList<quint32> order; // record offsets from runStart, in file order
        qint64 runStart = 0; // where this folder's records begin
        qsizetype firstChild = 0; // sub-folders: m_folders[firstChild...]
        qsizetype childCount = 0;
        qsizetype filesBefore = 0; // files of the parent that come first
    };

    const char *recordAt(qint64 position) const;
    QByteArrayView nameAt(qint64 position) const;
    void readFile(const Folder &folder, qint64 position, SourceFile *file) const;

    QList<QByteArray> m_chunks;
    QList<Folder> m_folders; // m_folders[0] is the listed folder
    qsizetype m_count = 0;
    qint64 m_bytes = 0;
};

// Goes through a FileList depth first, building each archive path as it
// reaches the file.
class FileList::const_iterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = SourceFile;
    using difference_type = std::ptrdiff_t;
    using pointer = const SourceFile *;
    using reference = const SourceFile &;

    const_iterator() = default;
    reference operator*() const { return m_current; }
    pointer operator->() const { return &m_current; }
    const_iterator &operator++()
    {
        advance();
        return *this;
    }
    bool operator==(const const_iterator &other) const
    {
        return m_stack.empty() == other.m_stack.empty()
            && (m_stack.empty() || (m_list == other.m_list && m_stack == other.m_stack));
    }
    bool operator!=(const const_iterator &other) const { return !(*this == other); }

private:
    friend class FileList;
    struct Level
    {
        qsizetype folder = 0;
        qsizetype nextFile = 0;
        qsizetype nextChild = 0;
        bool operator==(const Level &other) const
        {
            return folder == other.folder && nextFile == other.nextFile
                && nextChild == other.nextChild;
        }
    };
    explicit const_iterator(const FileList *list);
    void advance();

    const FileList *m_list = nullptr;
    std::vector<Level> m_stack;
    SourceFile m_current;
};

// Fills a FileList one folder at a time, depth first: a folder's files are
// added (in any order), then finishFolder() sorts them and takes its
// sub-folders, whose own files come after.
class FileList::Builder
{
public:
    // prefix: the archive path of the listed folder with its trailing '/',
    // or empty.
    explicit Builder(const QString &prefix);

    // The folder files are being added to (0 for the listed folder).
    qsizetype currentFolder() const { return m_current; }
    void setCurrentFolder(qsizetype folder) { m_current = folder; }
    QString prefixOf(qsizetype folder) const { return m_list.m_folders[folder].prefix; }

    void addFile(QByteArrayView name, qint64 size);
    // Forgets the files added to the current folder (it could not be read
    // to the end); their names stay in memory.
    void dropCurrentFolder();
    // Sorts the current folder's files and records its sub-folders
    // (names as the file system gives them; sorted here in place). Returns
    // the index of the first one; they follow each other.
    qsizetype finishFolder(QList<QByteArray> *subFolders);

    FileList take();

private:
    FileList m_list;
    qsizetype m_current = 0;
};

} // namespace Resguarda
