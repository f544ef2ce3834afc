// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/torturetree.h"
#include "support/rawfs.h"

#include <QFile>
#include <QMap>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace TestSupport {

namespace {

// 2019-01-01T00:00:00Z: default times fall in the seven years after it.
constexpr time_t defaultTimeBase = 1546300800;
constexpr time_t defaultTimeSpan = 7 * 365 * 24 * 3600;
// 1979-12-31T23:59:59Z, one second before the earliest DOS date.
constexpr time_t beforeDosEpoch = 315532799;
// 2023-06-01T12:00:01Z: an odd second.
constexpr time_t oddSecond = 1685620801;
// 1979-06-01T00:00:00Z, for a folder.
constexpr time_t folderBeforeDosEpoch = 297043200;

quint64 fnv1a(const QByteArray &data, quint64 seed)
{
    quint64 hash = 14695981039346656037ull ^ seed;
    for (const char c : data) {
        hash ^= quint8(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

// Builds the tree below one folder, remembering every folder it created or
// wrote into, so their modes and times are set at the end, once nothing
// will be created in them any more.
class TreeBuilder
{
public:
    TreeBuilder(int base, const TortureOptions &options, TortureResult *result)
        : m_base(base)
        , m_options(options)
        , m_result(result)
    {
        // The folder itself gets a past time too; its mode stays.
        m_folders.insert(QByteArray(), {-1, defaultTime(QByteArray())});
    }

    // A deterministic past time for path, with a fraction of a second, as
    // real files have: only whole seconds must survive a copy.
    timespec defaultTime(const QByteArray &path) const
    {
        const quint64 hash = fnv1a(path, m_options.seed);
        return {defaultTimeBase + time_t(hash % defaultTimeSpan), long((hash >> 32) % 1000000000)};
    }

    bool folder(const QByteArray &path, int mode = 0755, const timespec *time = nullptr)
    {
        Fd fd = openFolder(path);
        if (!fd.isValid())
            return false;
        m_folders[path] = {mode, time ? *time : defaultTime(path)};
        if (!m_result->paths.contains(path + '/'))
            m_result->paths.append(path + '/');
        return true;
    }

    bool file(const QByteArray &path, const QByteArray &data, int mode = 0644,
              const timespec *time = nullptr)
    {
        const timespec when = time ? *time : defaultTime(path);
        const qsizetype slash = path.lastIndexOf('/');
        Fd parent = openFolder(slash < 0 ? QByteArray() : path.left(slash));
        if (!parent.isValid())
            return false;
        if (!writeFileAt(parent.get(), path.mid(slash + 1), data, mode, when))
            return fail("cannot write", path);
        m_result->paths.append(path);
        ++m_result->files;
        m_result->bytes += data.size();
        return true;
    }

    bool sparseFile(const QByteArray &path, qint64 size)
    {
        const qsizetype slash = path.lastIndexOf('/');
        Fd parent = openFolder(path.left(slash));
        if (!parent.isValid())
            return false;
        Fd fd(::openat(parent.get(), path.mid(slash + 1).constData(),
                       O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
        const QByteArray head = "INICIO do arquivo esparso\n";
        const QByteArray tail = "\nFIM do arquivo esparso";
        const timespec when = defaultTime(path);
        const timespec times[2] = {when, when};
        if (!fd.isValid() || ::pwrite(fd.get(), head.constData(), head.size(), 0) != head.size()
            || ::ftruncate(fd.get(), size) != 0
            || ::pwrite(fd.get(), tail.constData(), tail.size(), size - tail.size()) != tail.size()
            || ::fchmod(fd.get(), 0644) != 0 || ::futimens(fd.get(), times) != 0)
            return fail("cannot write", path);
        m_result->paths.append(path);
        ++m_result->files;
        m_result->bytes += size;
        return true;
    }

    bool smallFiles(const QByteArray &folderPath, int count);

    // Sets the modes and times of every folder, deepest first.
    bool finish()
    {
        QList<QByteArray> paths = m_folders.keys();
        std::sort(paths.begin(), paths.end(), [](const QByteArray &a, const QByteArray &b) {
            return a.count('/') + !a.isEmpty() > b.count('/') + !b.isEmpty();
        });
        for (const auto &path : paths) {
            const auto &meta = m_folders[path];
            Fd fd = path.isEmpty() ? Fd(::fcntl(m_base, F_DUPFD_CLOEXEC, 0))
                                   : openPath(m_base, path, O_RDONLY | O_DIRECTORY);
            const timespec times[2] = {meta.time, meta.time};
            if (!fd.isValid() || (meta.mode >= 0 && ::fchmod(fd.get(), mode_t(meta.mode)) != 0)
                || ::futimens(fd.get(), times) != 0)
                return fail("cannot set the time of", path);
        }
        m_result->folders = std::count_if(m_result->paths.cbegin(), m_result->paths.cend(),
                                          [](const QByteArray &p) { return p.endsWith('/'); });
        return true;
    }

    bool fail(const char *what, const QByteArray &path)
    {
        if (m_result->error.isEmpty())
            m_result->error = QStringLiteral("%1 %2: %3")
                                  .arg(QLatin1String(what), escapedPath(path),
                                       QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }

private:
    struct FolderMeta
    {
        int mode = -1; // -1: an existing folder, whose mode stays
        timespec time {};
    };

    // Opens path below the base, creating what is missing, one component
    // at a time: paths may be longer than PATH_MAX.
    Fd openFolder(const QByteArray &path)
    {
        Fd current(::fcntl(m_base, F_DUPFD_CLOEXEC, 0));
        if (path.isEmpty())
            return current;
        QByteArray sofar;
        for (const auto &name : path.split('/')) {
            sofar += sofar.isEmpty() ? name : '/' + name;
            if (::mkdirat(current.get(), name.constData(), 0700) == 0) {
                if (!m_folders.contains(sofar)) {
                    m_folders.insert(sofar, {0755, defaultTime(sofar)});
                    m_result->paths.append(sofar + '/');
                }
            } else if (errno != EEXIST) {
                fail("cannot create", sofar);
                return Fd();
            } else if (!m_folders.contains(sofar)) {
                m_folders.insert(sofar, {-1, defaultTime(sofar)});
            }
            Fd next(::openat(current.get(), name.constData(),
                             O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!next.isValid()) {
                fail("cannot open", sofar);
                return Fd();
            }
            current = std::move(next);
        }
        return current;
    }

    int m_base;
    const TortureOptions &m_options;
    TortureResult *m_result;
    QMap<QByteArray, FolderMeta> m_folders;
};

// An NF-e-like XML document of 1.5 to 4.5 KB: a header, items until the
// size is reached, a footer.
QByteArray nfeXml(quint64 random, int number)
{
    const int target = 1500 + int(random % 3000);
    QByteArray xml;
    xml.reserve(target + 512);
    xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nfeProc versao=\"4.00\" "
           "xmlns=\"http://www.portalfiscal.inf.br/nfe\"><NFe><infNFe Id=\"NFe";
    xml += QByteArray::number(number).rightJustified(44, '0');
    xml += "\" versao=\"4.00\"><ide><cUF>35</cUF><nNF>" + QByteArray::number(number)
        + "</nNF><dhEmi>2026-10-15T10:30:00-03:00</dhEmi></ide>";
    for (int item = 1; xml.size() < target; ++item) {
        random = random * 6364136223846793005ull + 1442695040888963407ull;
        xml += "<det nItem=\"" + QByteArray::number(item) + "\"><prod><cProd>"
            + QByteArray::number(random >> 44) + "</cProd><xProd>PRODUTO "
            + QByteArray::number((random >> 20) % 100000) + "</xProd><vProd>"
            + QByteArray::number((random >> 8) % 100000) + ".00</vProd></prod></det>";
    }
    xml += "</infNFe></NFe></nfeProc>\n";
    return xml;
}

bool TreeBuilder::smallFiles(const QByteArray &folderPath, int count)
{
    if (!folder(folderPath))
        return false;
    Fd dir = openFolder(folderPath);
    if (!dir.isValid())
        return false;
    quint64 random = fnv1a("nfe", m_options.seed);
    for (int i = 0; i < count; ++i) {
        random = random * 6364136223846793005ull + 1442695040888963407ull;
        const QByteArray name = "3526101234567800019555001"
            + QByteArray::number(i + 1).rightJustified(9, '0') + "1"
            + QByteArray::number(random % 100000000).rightJustified(8, '0') + "0-nfe.xml";
        const QByteArray data = nfeXml(random, i + 1);
        const timespec when = defaultTime(folderPath + '/' + name);
        if (!writeFileAt(dir.get(), name, data, 0644, when))
            return fail("cannot write", folderPath + '/' + name);
        ++m_result->files;
        m_result->bytes += data.size();
    }
    return true;
}

} // namespace

QByteArray longRelativePath(const QByteArray &prefix, int total)
{
    QByteArray path = prefix;
    for (int level = 1; path.size() + 201 + 20 <= total; ++level) {
        QByteArray segment
            = "n\xc3\xadvel-" + QByteArray::number(level).rightJustified(2, '0') + '-';
        segment += QByteArray(200 - segment.size(), char('a' + level % 26));
        path += segment + '/';
    }
    const int fileLength = total - int(path.size());
    QByteArray file = "arquivo-";
    file += QByteArray(qMax(0, fileLength - int(file.size()) - 4), 'z');
    return path + file + ".dat";
}

namespace {

QByteArray contentFor(const QByteArray &path, quint32 seed)
{
    return "conteúdo de " + path + " (semente " + QByteArray::number(seed) + ")\n";
}

bool addCases(TreeBuilder &tree, const TortureOptions &options)
{
    auto file = [&](const QByteArray &path, int mode = 0644, const timespec *time = nullptr) {
        return tree.file(path, contentFor(path, options.seed), mode, time);
    };
    if (options.legacyEncodings) {
        const QByteArray dir = "tortura/codificacoes/";
        // Latin-1, CP1252, and names a lossy decoding ("?", U+FFFD), a
        // Latin-1 to UTF-8 conversion or a %XX escaping would make equal.
        for (const QByteArray name :
             {"hist\xf3rico.dat", "a\xe7\xe3o.dat", "relat\xf3rios/janeiro.dat", "\x80uro.dat",
              "\x93"
              "aspas\x94.txt",
              "hist\xc3\xb3rico.dat", "hist\xef\xbf\xbdrico.dat", "hist%F3rico.dat",
              "hist%f3rico.dat", "hist?rico.dat"}) {
            if (!file(dir + name))
                return false;
        }
        if (options.emptyFolders && !tree.folder(dir + "vazia-\xe9"))
            return false;
    }
    if (options.reservedCharacters) {
        const QByteArray dir = "tortura/reservados/";
        for (const QByteArray name :
             {"a:b.dat", "c\\d.dat", "C:\\fim.dat", "ctl\x01.dat", "tab\tname.dat",
              "line\nbreak.dat", "del\x7f.dat", "100%.dat", "%25.dat", "%2F.dat",
              "pasta:com\\barra/dentro.dat", "fim-espaco ", "fim-ponto."}) {
            if (!file(dir + name))
                return false;
        }
    }
    if (options.longPaths) {
        if (!file(longRelativePath("tortura/longo-300/", 300))
            || !file(longRelativePath("tortura/longo/", options.longPathBytes)))
            return false;
    }
    if (options.emptyFiles) {
        if (!tree.file("tortura/vazios/vazio.dat", {}) || !tree.file("tortura/zero.dat", {})
            || !tree.file("tortura/vazios/so-um-vazio/nada.dat", {}))
            return false;
    }
    if (options.normalisationAndCase) {
        const QByteArray dir = "tortura/normalizacao/";
        for (const QByteArray name : {"Relat\xc3\xb3rio.dat", "Relato\xcc\x81rio.dat", "Saldo.dat",
                                      "saldo.dat", "SALDO.DAT", "Pasta/x.dat", "pasta/x.dat"}) {
            if (!file(dir + name))
                return false;
        }
    }
    if (options.emptyFolders) {
        if (!tree.folder("mensal/2026-11") || !tree.folder("tortura/vazia")
            || !tree.folder("tortura/vazia-aninhada/a/b/c"))
            return false;
    }
    if (options.variedModes) {
        const QByteArray dir = "tortura/permissoes/";
        if (!file(dir + "0600.dat", 0600) || !file(dir + "0640.dat", 0640)
            || !file(dir + "0660.dat", 0660) || !file(dir + "0755.sh", 0755)
            || !file(dir + "pasta-0750/x.dat") || !tree.folder(dir + "pasta-0750", 0750)
            || !file(dir + "pasta-0700/x.dat") || !tree.folder(dir + "pasta-0700", 0700))
            return false;
        if (options.emptyFolders && !tree.folder(dir + "vazia-0700", 0700))
            return false;
    }
    if (options.extremeTimes) {
        const timespec old = {beforeDosEpoch, 0};
        const timespec odd = {oddSecond, 250000000};
        const timespec oldFolder = {folderBeforeDosEpoch, 0};
        if (!file("tortura/datas/1979.dat", 0644, &old)
            || !file("tortura/datas/impar.dat", 0644, &odd) || !file("tortura/datas/antiga/x.dat")
            || !tree.folder("tortura/datas/antiga", 0755, &oldFolder))
            return false;
    }
    if (options.sparseFile
        && !tree.sparseFile("tortura/esparso/grande.dat", options.sparseFileBytes))
        return false;
    if (options.smallFiles > 0 && !tree.smallFiles("mensal/2026-10/nfe", options.smallFiles))
        return false;
    return true;
}

} // namespace

TortureResult addTortureTree(const QString &folder, const TortureOptions &options)
{
    TortureResult result;
    Fd base(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!base.isValid()) {
        result.error = QStringLiteral("cannot open %1: %2")
                           .arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
        return result;
    }
    TreeBuilder tree(base.get(), options, &result);
    if (addCases(tree, options))
        tree.finish();
    return result;
}

QString ensureCompany(const QString &root, const QString &system, const QString &code,
                      QString *error)
{
    const QString folder = QStringLiteral("%1/%2/empresas/%3").arg(root, system, code);
    Fd base(::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    const QByteArray relative = QFile::encodeName(system + u"/empresas/" + code);
    QString problem;
    if (!base.isValid() || !makeFolders(base.get(), relative, &problem)) {
        *error = problem.isEmpty() ? QStringLiteral("cannot open %1").arg(root) : problem;
        return {};
    }
    Fd company = openPath(base.get(), relative, O_RDONLY | O_DIRECTORY);
    const QByteArray json = R"({"codigo": ")" + code.toUtf8()
        + R"(", "razaoSocial": "Tortura Comércio Ltda", "cnpj": "11.222.333/0001-81"})";
    struct stat info;
    if (::fstatat(company.get(), "empresa.json", &info, AT_SYMLINK_NOFOLLOW) != 0
        && !writeFileAt(company.get(), "empresa.json", json, 0644, {defaultTimeBase, 0})) {
        *error = QStringLiteral("cannot write %1/empresa.json").arg(folder);
        return {};
    }
    return folder;
}

QString addFile(const QString &folder, const QByteArray &path, const QByteArray &data, int mode)
{
    Fd base(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    const qsizetype slash = path.lastIndexOf('/');
    QString error;
    if (!base.isValid() || (slash > 0 && !makeFolders(base.get(), path.left(slash), &error)))
        return error.isEmpty() ? QStringLiteral("cannot open %1").arg(folder) : error;
    Fd parent = slash > 0 ? openPath(base.get(), path.left(slash), O_RDONLY | O_DIRECTORY)
                          : Fd(::fcntl(base.get(), F_DUPFD_CLOEXEC, 0));
    timespec now;
    ::clock_gettime(CLOCK_REALTIME, &now);
    if (!parent.isValid() || !writeFileAt(parent.get(), path.mid(slash + 1), data, mode, now))
        return QStringLiteral("cannot write %1: %2")
            .arg(escapedPath(path), QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

TortureResult addUncopyableCases(const QString &folder, const UncopyableOptions &options)
{
    TortureResult result;
    Fd base(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    const QByteArray dirName = "tortura-nao-copiavel";
    auto fail = [&](const QByteArray &path) {
        result.error = QStringLiteral("cannot create %1: %2")
                           .arg(escapedPath(path), QString::fromLocal8Bit(std::strerror(errno)));
        return result;
    };
    if (!base.isValid())
        return fail({});
    if (::mkdirat(base.get(), dirName.constData(), 0755) != 0 && errno != EEXIST)
        return fail(dirName);
    Fd dir(
        ::openat(base.get(), dirName.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.isValid())
        return fail(dirName);
    const timespec when = {defaultTimeBase, 0};
    if (options.symlink) {
        if (::symlinkat("../empresa.json", dir.get(), "atalho.dat") != 0)
            return fail(dirName + "/atalho.dat");
        result.paths.append(dirName + "/atalho.dat");
    }
    if (options.fifo) {
        if (::mkfifoat(dir.get(), "fila", 0644) != 0)
            return fail(dirName + "/fila");
        result.paths.append(dirName + "/fila");
    }
    if (options.unreadableFile) {
        if (!writeFileAt(dir.get(), "sem-leitura.dat", "nobody may read this\n", 0, when))
            return fail(dirName + "/sem-leitura.dat");
        result.paths.append(dirName + "/sem-leitura.dat");
        ++result.files;
    }
    if (options.unreadableFolder) {
        const QByteArray name = "pasta-sem-leitura";
        if (::mkdirat(dir.get(), name.constData(), 0755) != 0)
            return fail(dirName + '/' + name);
        Fd inner(
            ::openat(dir.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!inner.isValid() || !writeFileAt(inner.get(), "dentro.dat", "inside\n", 0644, when)
            || ::fchmod(inner.get(), 0) != 0)
            return fail(dirName + '/' + name);
        result.paths.append(dirName + '/' + name + '/');
        ++result.folders;
    }
    if (options.device) {
        if (::mknodat(dir.get(), "dispositivo", S_IFCHR | 0644, makedev(1, 3)) != 0)
            return fail(dirName + "/dispositivo");
        result.paths.append(dirName + "/dispositivo");
    }
    return result;
}

Command withoutFileCapabilities(const QString &program, const QStringList &arguments)
{
    if (::geteuid() != 0)
        return {program, arguments};
    const QString dropped = QStringLiteral("-dac_override,-dac_read_search");
    return {QStringLiteral("setpriv"),
            QStringList {QStringLiteral("--bounding-set=") + dropped,
                         QStringLiteral("--inh-caps=") + dropped, program}
                + arguments};
}

bool removeTree(const QString &path)
{
    const QByteArray raw = QFile::encodeName(path);
    return removeAt(AT_FDCWD, raw);
}

QString escapedPath(const QByteArray &raw)
{
    QString text;
    for (const char c : raw) {
        const auto byte = quint8(c);
        if (byte == '\\')
            text += QStringLiteral("\\\\");
        else if (byte >= 0x20 && byte < 0x7f)
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
    }
    return text;
}

} // namespace TestSupport
