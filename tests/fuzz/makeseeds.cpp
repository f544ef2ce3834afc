// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the crafted part of the seed corpus: small copies with one defect
// each, like tst_copyreader's hostile cases, their manifests alone, and
// restore journals in every state, and protected copies (sealed with
// FuzzScratch::copyPassword) sound, for another password, cut short and
// altered. make-corpus.sh adds real copies and containers made by
// resguarda-cli, 7z and tar.
//
//   fuzz_make_seeds OUTPUT_DIR   (writes OUTPUT_DIR/{copyreader,manifest,journal})
#include "fuzzscratch.h"
#include "support/hostilecopy.h"

#include "copy/protectedcopy.h"
#include "maintenance/restorejournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtEndian>

#include <cstdio>
#include <functional>

using namespace Resguarda;
using TestSupport::HostileCopy;
using TestSupport::HostileEntry;

namespace {

QString outputDir;

// A few lines of a table: seeds stay small so that the fuzzer mutates
// structure, not bulk data.
QByteArray records(int count, int seed)
{
    QByteArray data;
    for (int i = 0; i < count; ++i)
        data += QByteArray::number(seed) + ';' + QByteArray::number(i) + ";BEM "
            + QByteArray::number(i * 7 + seed) + '\n';
    return data;
}

HostileCopy soundCopy()
{
    HostileCopy copy;
    copy.addFile(QStringLiteral("AT/empresas/0001/empresa.json"),
                 QByteArray(R"({"codigo": "0001", "razaoSocial": "Ótica Ação Ltda"})"));
    copy.addFile(QStringLiteral("AT/empresas/0001/anual/2025/saldos.dat"), records(12, 1));
    copy.addFile(QStringLiteral("AT/empresas/0001/relatório de ação.dat"), records(3, 2));
    copy.addFile(QStringLiteral("AT/empresas/0001/vazio.dat"), QByteArray());
    copy.addFile(QStringLiteral("AT/empresas/0002/mensal/2025-03/lancamentos.dat"), records(5, 3),
                 false);
    copy.addFile(QStringLiteral("AT/modelos/consultas/bens.txt"),
                 QByteArray("CAMPOS codigo;descricao\nORDEM codigo\n"));
    return copy;
}

// The same files as a current copy holds them: in the order of their paths,
// with a manifest that sums them up (by company, year and templates).
HostileCopy summaryCopy()
{
    HostileCopy copy;
    copy.setListsEntries(false);
    copy.addFile(QStringLiteral("AT/empresas/0001/anual/2025/saldos.dat"), records(12, 1));
    copy.addFile(QStringLiteral("AT/empresas/0001/empresa.json"),
                 QByteArray(R"({"codigo": "0001", "razaoSocial": "Ótica Ação Ltda"})"));
    copy.addFile(QStringLiteral("AT/empresas/0001/relatório de ação.dat"), records(3, 2));
    copy.addFile(QStringLiteral("AT/empresas/0002/mensal/2025-03/lancamentos.dat"), records(5, 3),
                 false);
    copy.addFile(QStringLiteral("AT/modelos/consultas/bens.txt"),
                 QByteArray("CAMPOS codigo;descricao\nORDEM codigo\n"));
    return copy;
}

bool save(const QString &subdir, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(outputDir + u'/' + subdir);
    QFile file(outputDir + u'/' + subdir + u'/' + name);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

bool saveCopy(const QString &name, const HostileCopy &copy)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("copia.zip"));
    QString error;
    if (!copy.write(path, &error)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(error));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    return save(QStringLiteral("copyreader"), name + u".zip", bytes)
        && save(QStringLiteral("manifest"), name + u".json", copy.manifestJson());
}

// The protected copy of copy, sealed with password.
QByteArray sealed(const HostileCopy &copy, QByteArrayView password)
{
    QTemporaryDir dir;
    const QString plainPath = dir.filePath(QStringLiteral("copia.zip"));
    QString error;
    if (!copy.write(plainPath, &error)) {
        std::fprintf(stderr, "protected seed: %s\n", qPrintable(error));
        return {};
    }
    QFile plain(plainPath);
    QFile out(dir.filePath(QStringLiteral("protegida.zip")));
    if (!plain.open(QIODevice::ReadOnly) || !out.open(QIODevice::ReadWrite)
        || !ProtectedCopy::seal(plain.handle(), plain.size(), out.handle(), password,
                                QStringLiteral("AT"))) {
        std::fprintf(stderr, "protected seed: cannot seal\n");
        return {};
    }
    out.close();
    if (!out.open(QIODevice::ReadOnly))
        return {};
    return out.readAll();
}

bool saveProtected(const QString &name, const QByteArray &bytes)
{
    return !bytes.isEmpty() && save(QStringLiteral("copyreader"), name + u".zip", bytes);
}

// A valid protected copy and its hostile variants: what each reaches is
// the outer structure, the password verifier, the whole decryption, the
// authentication code.
bool protectedSeeds()
{
    const QByteArray sound = sealed(summaryCopy(), FuzzScratch::copyPassword);
    if (sound.isEmpty())
        return false;
    bool ok = saveProtected(QStringLiteral("protected-sound"), sound);
    // Sealed with another password: the verifier does not match.
    ok = ok
        && saveProtected(QStringLiteral("protected-wrong-password"),
                         sealed(summaryCopy(), "Outra-Senha-2026"));
    // Cut in the middle: no end record, so no marker either.
    ok = ok && saveProtected(QStringLiteral("protected-truncated"), sound.first(sound.size() / 2));
    // 16 bytes of the encrypted data gone, and the end records' offsets
    // moved with them, so that the end still reads: the size the directory
    // declares no longer fits.
    const qsizetype middle = sound.size() / 2;
    QByteArray cut = sound.first(middle) + sound.sliced(middle + 16);
    const auto moveBack = [&cut](qsizetype at) {
        const quint64 offset = qFromLittleEndian<quint64>(cut.constData() + at);
        qToLittleEndian<quint64>(offset - 16, cut.data() + at);
    };
    const qsizetype zip64End = cut.lastIndexOf(QByteArray("PK\x06\x06", 4));
    const qsizetype locator = cut.lastIndexOf(QByteArray("PK\x06\x07", 4));
    if (zip64End < 0 || locator < 0)
        return false;
    moveBack(zip64End + 48); // the directory's offset
    moveBack(locator + 8); // the zip64 end record's offset
    ok = ok && saveProtected(QStringLiteral("protected-data-cut"), cut);
    // One bit of the encrypted data flipped: found by the authentication
    // code only, after the whole decryption.
    QByteArray altered = sound;
    altered[middle] = char(altered.at(middle) ^ 0x01);
    ok = ok && saveProtected(QStringLiteral("protected-altered"), altered);
    return ok;
}

bool withEntry(const QString &name, const HostileEntry &entry, bool declared)
{
    HostileCopy copy = soundCopy();
    copy.addEntry(entry);
    if (declared)
        copy.declare(entry);
    return saveCopy(name, copy);
}

bool withEditedManifest(const QString &name, const std::function<void(QJsonObject &)> &edit)
{
    HostileCopy copy = soundCopy();
    QJsonObject root = QJsonDocument::fromJson(copy.manifestJson()).object();
    edit(root);
    copy.setManifestJson(QJsonDocument(root).toJson());
    return saveCopy(name, copy);
}

bool journal(const QString &name, RestoreJournal::State state, const QList<SwapStep> &steps)
{
    QTemporaryDir root;
    QString error;
    auto tree = RootedDir::open(root.path(), &error);
    if (!tree)
        return false;
    RestoreJournal journal(std::make_shared<const RootedDir>(std::move(*tree)));
    journal.state = state;
    journal.system = QStringLiteral("AT");
    journal.copyPath = QStringLiteral("/media/pendrive/CopiaAT.zip");
    journal.steps = steps;
    if (!journal.root().makePath(RestoreJournal::stagingName(), &error) || !journal.save(&error)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(error));
        return false;
    }
    QFile file(journal.stagingPath() + QStringLiteral("/diario.json"));
    return file.open(QIODevice::ReadOnly)
        && save(QStringLiteral("journal"), name + u".json", file.readAll());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_make_seeds OUTPUT_DIR\n");
        return 2;
    }
    outputDir = QString::fromLocal8Bit(argv[1]);
    const QString company = QStringLiteral("AT/empresas/0001/");
    bool ok = saveCopy(QStringLiteral("sound"), soundCopy());
    ok = ok && saveCopy(QStringLiteral("summary"), summaryCopy());
    HostileCopy outOfOrder = summaryCopy();
    outOfOrder.addFile(QStringLiteral("AT/empresas/0001/aaa.dat"), records(2, 4));
    ok = ok && saveCopy(QStringLiteral("summary-out-of-order"), outOfOrder);

    HostileCopy plain = soundCopy();
    plain.setWritesManifest(false);
    ok = ok && saveCopy(QStringLiteral("no-manifest"), plain);
    HostileCopy newer = soundCopy();
    newer.setManifestFormatVersion(Manifest::currentFormatVersion + 1);
    ok = ok && saveCopy(QStringLiteral("newer-format"), newer);
    HostileCopy notJson = soundCopy();
    notJson.setManifestJson(QByteArray("{ \"format\": \"resguarda.copy\", "));
    ok = ok && saveCopy(QStringLiteral("manifest-not-json"), notJson);
    ok = ok && withEditedManifest(QStringLiteral("manifest-negative-size"), [](QJsonObject &root) {
             QJsonArray entries = root.value(u"entries").toArray();
             QJsonObject first = entries.first().toObject();
             first.insert(u"size", -1);
             entries.replace(0, first);
             root.insert(u"entries", entries);
         });
    ok = ok && withEditedManifest(QStringLiteral("manifest-company-twice"), [](QJsonObject &root) {
             QJsonArray companies = root.value(u"companies").toArray();
             companies.append(companies.first());
             root.insert(u"companies", companies);
         });

    const QByteArray data = records(4, 9);
    ok = ok
        && withEntry(
             QStringLiteral("unsafe-parent"),
             HostileEntry::file(QStringLiteral("AT/empresas/0001/../../../etc/passwd"), data),
             true);
    ok = ok
        && withEntry(QStringLiteral("unsafe-absolute"),
                     HostileEntry::file(QStringLiteral("/etc/passwd"), data), true);
    HostileEntry symlink
        = HostileEntry::file(company + u"senhas", QByteArray("/etc/shadow"), false);
    symlink.externalAttributes = HostileEntry::symlinkAttributes;
    ok = ok && withEntry(QStringLiteral("symlink"), symlink, true);
    HostileEntry directory = HostileEntry::file(company + u"pasta/", QByteArray(), false);
    directory.externalAttributes = HostileEntry::directoryAttributes;
    ok = ok && withEntry(QStringLiteral("directory"), directory, true);
    HostileEntry fifo = HostileEntry::file(company + u"fila", QByteArray(), false);
    fifo.externalAttributes = HostileEntry::fifoAttributes;
    ok = ok && withEntry(QStringLiteral("fifo"), fifo, true);
    HostileEntry encrypted = HostileEntry::file(company + u"secreto.dat", data);
    encrypted.password = "senha";
    ok = ok && withEntry(QStringLiteral("encrypted"), encrypted, true);
    ok = ok
        && withEntry(QStringLiteral("duplicate-name"),
                     HostileEntry::file(company + u"empresa.json", data), false);
    HostileEntry latin1;
    latin1.rawName = QByteArray("AT/empresas/0001/relat\xf3rio.dat");
    latin1.data = data;
    latin1.utf8Flag = false;
    ok = ok && withEntry(QStringLiteral("name-not-utf8"), latin1, false);
    ok = ok
        && withEntry(QStringLiteral("extra-entry"),
                     HostileEntry::file(company + u"extra.dat", data), false);

    HostileCopy missing = soundCopy();
    missing.declare(QStringLiteral("AT/empresas/0002/permanente/bens.dat"), 1234, 0x12345678);
    ok = ok && saveCopy(QStringLiteral("missing-entry"), missing);
    HostileCopy sizeLie = soundCopy();
    sizeLie.setDeclaredSize(QStringLiteral("AT/empresas/0001/anual/2025/saldos.dat"),
                            qint64(1) << 32);
    ok = ok && saveCopy(QStringLiteral("manifest-size-lie"), sizeLie);

    HostileEntry crcLie = HostileEntry::file(company + u"depreciacao.dat", data);
    crcLie.declaredCrc = HostileCopy::crc32(data) ^ 0x00010000u;
    HostileCopy crcCopy = soundCopy();
    crcCopy.addEntry(crcLie);
    crcCopy.declare(QString::fromUtf8(crcLie.rawName), crcLie.headerSize(), crcLie.headerCrc());
    ok = ok && saveCopy(QStringLiteral("crc-lie-everywhere"), crcCopy);

    HostileEntry shortData = HostileEntry::file(company + u"curto.dat", data, false);
    shortData.declaredSize = data.size() + 100;
    HostileCopy shortCopy = soundCopy();
    shortCopy.addEntry(shortData);
    shortCopy.declare(QString::fromUtf8(shortData.rawName), shortData.headerSize(),
                      shortData.headerCrc());
    ok = ok && saveCopy(QStringLiteral("data-shorter-than-declared"), shortCopy);

    // 1 MiB of zeros declared as 4 KiB: about 1 KB on disk.
    HostileEntry bomb = HostileEntry::file(company + u"bomba.dat", QByteArray(1024 * 1024, '\0'));
    bomb.declaredSize = 4096;
    bomb.declaredCrc = HostileCopy::crc32(bomb.data.left(4096));
    HostileCopy bombCopy = soundCopy();
    bombCopy.addEntry(bomb);
    bombCopy.declare(QString::fromUtf8(bomb.rawName), 4096, *bomb.declaredCrc);
    ok = ok && saveCopy(QStringLiteral("zip-bomb"), bombCopy);
    ok = ok && protectedSeeds();

    const QList<SwapStep> steps {
        {SwapStep::Action::Replace, QStringLiteral("AT/empresas/0001")},
        {SwapStep::Action::Add, QStringLiteral("AT/empresas/0003")},
        {SwapStep::Action::Eliminate, QStringLiteral("AT/modelos/etiquetas/x.etq")},
    };
    ok = ok && journal(QStringLiteral("staging"), RestoreJournal::State::Staging, {});
    ok = ok && journal(QStringLiteral("swapping"), RestoreJournal::State::Swapping, steps);
    ok = ok && journal(QStringLiteral("committed"), RestoreJournal::State::Committed, steps);
    ok = ok
        && save(
             QStringLiteral("journal"), QStringLiteral("escapes.json"),
             QByteArray(
                 R"({"state": "swapping", "copy": "", "steps": [{"action": "replace", "path": "../../etc"}]})"));

    if (!ok) {
        std::fprintf(stderr, "fuzz_make_seeds: could not write every seed\n");
        return 1;
    }
    return 0;
}
