// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandparser.h"

#include "cli/console.h"
#include "core/exitcode.h"
#include "core/passwordinput.h"
#include "core/passwordpolicy.h"

#include <QLocale>

namespace Resguarda::Cli {

CommandParser::CommandParser(const QString &command, const QString &description)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")});
}

int CommandParser::usageError(const QString &message)
{
    Console::err(message);
    Console::err(tr("See: resguarda-cli %1 --help").arg(m_command));
    return int(ExitCode::Usage);
}

bool CommandParser::parse(const QStringList &arguments, int *exitCode)
{
    if (!m_parser.parse(arguments)) {
        *exitCode = usageError(m_parser.errorText());
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QString help = m_parser.helpText();
        // QCommandLineParser names the program only; show the command too.
        help.replace(QCoreApplication::applicationName() + u" [",
                     QCoreApplication::applicationName() + u' ' + m_command + u" [");
        Console::out(help);
        *exitCode = int(ExitCode::Success);
        return false;
    }
    return true;
}

bool CommandParser::intValue(const QString &option, int min, int max, int *value, int *exitCode)
{
    if (!m_parser.isSet(option))
        return true;
    bool ok = false;
    const int parsed = m_parser.value(option).toInt(&ok);
    if (!ok || parsed < min || parsed > max) {
        *exitCode = usageError(tr("--%1 must be a whole number from %2 to %3.")
                                   .arg(option, QString::number(min), QString::number(max)));
        return false;
    }
    *value = parsed;
    return true;
}

bool CommandParser::companyCodes(const QString &option, QStringList *codes, int *exitCode)
{
    if (!m_parser.isSet(option))
        return true;
    codes->clear();
    const auto parts = m_parser.value(option).split(u',', Qt::SkipEmptyParts);
    for (const auto &part : parts) {
        if (!part.trimmed().isEmpty())
            codes->append(part.trimmed());
    }
    if (codes->isEmpty()) {
        *exitCode = usageError(tr("--companies needs at least one company code."));
        return false;
    }
    return true;
}

namespace {
const QString passwordFileOption = QStringLiteral("password-file");
const QString passwordStdinOption = QStringLiteral("password-stdin");
} // namespace

void CommandParser::addPasswordOptions(bool forWriting)
{
    m_parser.addOptions({
        {passwordFileOption,
         forWriting
             ? tr("Write a protected copy, encrypted (AES-256) with the password in FILE: its "
                  "first line, at least %1 characters. FILE must be readable by its owner only "
                  "(chmod 600). Keep the password: without it the copy cannot be restored.")
                   .arg(PasswordPolicy::minCharacters)
             : tr("The password of a protected copy, in FILE (its first line; readable by its "
                  "owner only)."),
         tr("FILE")},
        {passwordStdinOption,
         forWriting ? tr("As --password-file, the password read from the first line of "
                         "standard input.")
                    : tr("The password of a protected copy, read from the first line of "
                         "standard input.")},
    });
}

bool CommandParser::password(bool checkPolicy, QByteArray *password, int *exitCode, QString *reason)
{
    password->clear();
    const bool fromFile = m_parser.isSet(passwordFileOption);
    const bool fromStdin = m_parser.isSet(passwordStdinOption);
    if (!fromFile && !fromStdin)
        return true;
    if (fromFile && fromStdin) {
        *exitCode = usageError(tr("Give the password with --password-file or --password-stdin, "
                                  "not both."));
        return false;
    }
    QString problem;
    const bool read = fromFile
        ? PasswordInput::readFile(m_parser.value(passwordFileOption), password, &problem)
        : PasswordInput::readStdin(tr("Password: "), password, &problem);
    if (read && checkPolicy)
        problem = PasswordPolicy::problem(QString::fromUtf8(*password));
    // A new password typed on a terminal, unseen, is typed twice: a typo
    // would otherwise lock the copy for good.
    if (read && problem.isEmpty() && checkPolicy && fromStdin && Console::stdinIsTerminal()) {
        QByteArray again;
        if (!PasswordInput::readStdin(tr("Repeat the password: "), &again, &problem))
            again.clear();
        else if (again != *password)
            problem = tr("The two passwords typed differ. Nothing was done.");
        again.fill('\0');
    }
    if (!read || !problem.isEmpty()) {
        password->fill('\0');
        password->clear();
        *exitCode = usageError(problem);
        if (reason)
            *reason = problem;
        return false;
    }
    return true;
}

} // namespace Resguarda::Cli
