// SPDX-License-Identifier: GPL-3.0-or-later
// The app's command line (ui/startupoptions.h), as the business system and
// a kiosk's autostart pass it: every option, the usage errors and arguments
// nobody should pass, the kiosk setting remembered across runs, and what
// applyTo() makes of the options on a real AppController and a real demo
// installation.

#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "ui/appcontroller.h"
#include "ui/startupoptions.h"

#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

// The arguments as main() receives them: the program's name first.
StartupOptions parse(const QStringList &arguments)
{
    return StartupOptions::parse(QStringList {u"resguarda"_s} + arguments);
}

// What parse() gives when the command line is refused: no installation,
// system, wizard or kiosk choice of it. (A refused --idle-timeout value may
// stay in idleTimeoutSeconds; main() stops on the error before using any.)
void verifyNothingTaken(const StartupOptions &options)
{
    QVERIFY(options.root.isEmpty());
    QVERIFY(options.systemCode.isEmpty());
    QCOMPARE(options.startPage, u"home"_s);
    QVERIFY(!options.kiosk);
    QVERIFY(!options.kioskGiven);
}

} // namespace

class TestStartupOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void noArgumentsAreTheDefaults();
    void everyOption();
    void optionsWithEquals();
    void restoreWizard();
    void lastRepeatedValueWins();
    void hostileValuesAreTakenVerbatim();
    void unknownLanguageIsTheCLocale();
    void usageErrors_data();
    void usageErrors();
    void kioskIsRemembered();
    void kioskWantedReadsTheRawArguments_data();
    void kioskWantedReadsTheRawArguments();
    void applyOpensTheWizardOnTheInstallation();
    void applyWithoutAnInstallationStartsHome();
    void applyRemembersTheKioskChoice();

private:
    QTemporaryDir m_dir;
    DemoFixture m_demo {2, 1, 1, 4};
};

void TestStartupOptions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The kiosk setting and the remembered installation live below HOME.
    isolateHome(m_dir.path());
    const OperationError error = m_demo.create(m_dir.filePath(u"instalação"_s));
    QVERIFY2(!error, qPrintable(error.message));
}

void TestStartupOptions::cleanup()
{
    AppController::rememberKiosk(false);
}

void TestStartupOptions::noArgumentsAreTheDefaults()
{
    const StartupOptions options = parse({});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    verifyNothingTaken(options);
    QCOMPARE(options.idleTimeoutSeconds, 0);
    QCOMPARE(options.locale, QLocale::system());
}

void TestStartupOptions::everyOption()
{
    const StartupOptions options
        = parse({u"--root"_s, u"/srv/sistemas"_s, u"--system"_s, u"cp"_s, u"--backup"_s,
                 u"--lang"_s, u"pt_BR"_s, u"--kiosk"_s, u"--idle-timeout"_s, u"30"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.root, u"/srv/sistemas"_s);
    QCOMPARE(options.systemCode, u"cp"_s); // as given; applyTo() makes it upper case
    QCOMPARE(options.startPage, u"backup"_s);
    QCOMPARE(options.locale.language(), QLocale::Portuguese);
    QCOMPARE(options.locale.territory(), QLocale::Brazil);
    QVERIFY(options.kiosk);
    QVERIFY(options.kioskGiven);
    QCOMPARE(options.idleTimeoutSeconds, 30);
}

void TestStartupOptions::optionsWithEquals()
{
    const StartupOptions options
        = parse({u"--root=/srv/a b"_s, u"--system=AT"_s, u"--idle-timeout=600"_s, u"--no-kiosk"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.root, u"/srv/a b"_s);
    QCOMPARE(options.systemCode, u"AT"_s);
    QCOMPARE(options.idleTimeoutSeconds, 600);
    QVERIFY(!options.kiosk);
    QVERIFY(options.kioskGiven);
    QCOMPARE(options.startPage, u"home"_s);
}

void TestStartupOptions::restoreWizard()
{
    const StartupOptions options = parse({u"--restore"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.startPage, u"restore"_s);
}

void TestStartupOptions::lastRepeatedValueWins()
{
    const StartupOptions options
        = parse({u"--root"_s, u"/a"_s, u"--root"_s, u"/b"_s, u"--idle-timeout"_s, u"5"_s,
                 u"--idle-timeout"_s, u"7"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.root, u"/b"_s);
    QCOMPARE(options.idleTimeoutSeconds, 7);
}

// The command line is not a shell: quotes, globs, new lines, "..", a value
// that looks like an option after "=", are names like any other, for the
// installation to accept or refuse when it is opened.
void TestStartupOptions::hostileValuesAreTakenVerbatim()
{
    const QString odd = u"/tmp/../etc/$(reboot)\n*;'\"`ção"_s;
    const QString longName = u"/"_s + QString(70000, u'x');
    StartupOptions options = parse({u"--root"_s, odd, u"--system"_s, u"../../CP"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.root, odd);
    QCOMPARE(options.systemCode, u"../../CP"_s);
    options = parse({u"--root"_s, longName});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.root, longName);
    options = parse({u"--root=--kiosk"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.root, u"--kiosk"_s);
    QVERIFY(!options.kioskGiven);
}

void TestStartupOptions::unknownLanguageIsTheCLocale()
{
    const StartupOptions options = parse({u"--lang"_s, u"xx_INVALIDO"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.locale.language(), QLocale::C);
}

void TestStartupOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message"); // a part of the error; empty: any

    QTest::newRow("unknown option") << QStringList {u"--format-disk"_s} << u"format-disk"_s;
    QTest::newRow("options are case-sensitive") << QStringList {u"--Root"_s, u"/x"_s} << u"Root"_s;
    QTest::newRow("single dash") << QStringList {u"-kiosk"_s} << QString();
    QTest::newRow("root without its value") << QStringList {u"--root"_s} << u"root"_s;
    QTest::newRow("a value for a switch") << QStringList {u"--backup=yes"_s} << u"backup"_s;
    QTest::newRow("both wizards") << QStringList {u"--root"_s, u"/x"_s, u"--backup"_s,
                                                  u"--restore"_s}
                                  << u"Use either --backup or --restore."_s;
    QTest::newRow("kiosk and no kiosk")
        << QStringList {u"--kiosk"_s, u"--no-kiosk"_s} << u"Use either --kiosk or --no-kiosk."_s;
    const QString seconds = u"--idle-timeout needs a number of seconds greater than zero."_s;
    QTest::newRow("idle zero") << QStringList {u"--idle-timeout"_s, u"0"_s} << seconds;
    QTest::newRow("idle negative") << QStringList {u"--idle-timeout=-5"_s} << seconds;
    QTest::newRow("idle words") << QStringList {u"--idle-timeout"_s, u"soon"_s} << seconds;
    QTest::newRow("idle empty") << QStringList {u"--idle-timeout="_s} << seconds;
    QTest::newRow("idle with unit") << QStringList {u"--idle-timeout"_s, u"30s"_s} << seconds;
    QTest::newRow("idle fraction") << QStringList {u"--idle-timeout"_s, u"1.5"_s} << seconds;
    QTest::newRow("idle hexadecimal") << QStringList {u"--idle-timeout"_s, u"0x1e"_s} << seconds;
    QTest::newRow("idle beyond int")
        << QStringList {u"--idle-timeout"_s, u"2147483648"_s} << seconds;
    QTest::newRow("idle huge") << QStringList {u"--idle-timeout"_s, QString(400, u'9')} << seconds;
    QTest::newRow("idle without its value") << QStringList {u"--idle-timeout"_s} << u"idle"_s;
}

void TestStartupOptions::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const StartupOptions options = parse(arguments);
    QVERIFY(!options.error.isEmpty());
    if (!message.isEmpty())
        QVERIFY2(options.error.contains(message), qPrintable(options.error));
    verifyNothingTaken(options);
}

void TestStartupOptions::kioskIsRemembered()
{
    QVERIFY(!AppController::rememberedKiosk());
    QVERIFY(!parse({}).kiosk);
    AppController::rememberKiosk(true);
    QVERIFY(AppController::rememberedKiosk());
    // Without --kiosk or --no-kiosk, the remembered setting decides...
    StartupOptions options = parse({u"--root"_s, u"/x"_s});
    QVERIFY(options.kiosk);
    QVERIFY(!options.kioskGiven);
    // ... and the command line overrides it.
    options = parse({u"--no-kiosk"_s});
    QVERIFY(!options.kiosk);
    QVERIFY(options.kioskGiven);
}

void TestStartupOptions::kioskWantedReadsTheRawArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("remembered");
    QTest::addColumn<bool>("wanted");

    const QString app = u"resguarda"_s;
    QTest::newRow("nothing, not remembered") << QStringList {app} << false << false;
    QTest::newRow("nothing, remembered") << QStringList {app} << true << true;
    QTest::newRow("kiosk") << QStringList {app, u"--kiosk"_s} << false << true;
    QTest::newRow("no kiosk over remembered")
        << QStringList {app, u"--no-kiosk"_s} << true << false;
    QTest::newRow("last wins: kiosk")
        << QStringList {app, u"--no-kiosk"_s, u"--kiosk"_s} << false << true;
    QTest::newRow("last wins: no kiosk")
        << QStringList {app, u"--kiosk"_s, u"--no-kiosk"_s} << false << false;
    QTest::newRow("among Qt's own arguments")
        << QStringList {app, u"-platform"_s, u"offscreen"_s, u"--kiosk"_s} << false << true;
    // The program's own name is not an argument.
    QTest::newRow("program named --kiosk") << QStringList {u"--kiosk"_s} << false << false;
    QTest::newRow("only whole arguments")
        << QStringList {app, u"--kiosk=no"_s, u"--kiosks"_s} << false << false;
    QTest::newRow("empty") << QStringList() << true << true;
}

void TestStartupOptions::kioskWantedReadsTheRawArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, remembered);
    QFETCH(bool, wanted);
    AppController::rememberKiosk(remembered);
    QCOMPARE(StartupOptions::kioskWanted(arguments), wanted);
}

void TestStartupOptions::applyOpensTheWizardOnTheInstallation()
{
    const StartupOptions options = parse({u"--root"_s, m_demo.root(), u"--system"_s, u"cp"_s,
                                          u"--restore"_s, u"--idle-timeout"_s, u"45"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    AppController controller;
    options.applyTo(controller);
    QVERIFY(controller.hasInstallation());
    QCOMPARE(controller.root(), m_demo.root());
    QCOMPARE(controller.systemCode(), u"CP"_s);
    QCOMPARE(controller.startPage(), u"restore"_s);
    QCOMPARE(controller.idleTimeoutSeconds(), 45);
    QVERIFY(!controller.kiosk());

    // Without --idle-timeout the controller keeps its default.
    AppController other;
    parse({u"--root"_s, m_demo.root()}).applyTo(other);
    QCOMPARE(other.idleTimeoutSeconds(), AppController::defaultIdleTimeoutSeconds);
    QCOMPARE(other.startPage(), u"home"_s);
}

void TestStartupOptions::applyWithoutAnInstallationStartsHome()
{
    // A wizard asked for on a folder that is no installation: Home.
    const StartupOptions options
        = parse({u"--root"_s, m_dir.filePath(u"nada"_s), u"--system"_s, u"AT"_s, u"--backup"_s});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    AppController controller;
    options.applyTo(controller);
    QVERIFY(!controller.hasInstallation());
    QCOMPARE(controller.startPage(), u"home"_s);
}

void TestStartupOptions::applyRemembersTheKioskChoice()
{
    AppController first;
    parse({u"--kiosk"_s}).applyTo(first);
    QVERIFY(first.kiosk());
    QVERIFY(AppController::rememberedKiosk());
    // The next run, without the option, is a kiosk again.
    AppController second;
    parse({}).applyTo(second);
    QVERIFY(second.kiosk());
    // --no-kiosk leaves it for good.
    AppController third;
    parse({u"--no-kiosk"_s}).applyTo(third);
    QVERIFY(!third.kiosk());
    QVERIFY(!AppController::rememberedKiosk());
    AppController fourth;
    parse({}).applyTo(fourth);
    QVERIFY(!fourth.kiosk());
}

QTEST_GUILESS_MAIN(TestStartupOptions)
#include "tst_startupoptions.moc"
