// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

namespace Resguarda::Cli {

// QCommandLineParser for one command, with --help and the conventions every
// command shares: a usage error prints what was wrong and exits 2 (not
// QCommandLineParser's 1, which means "operation failed" here).
class CommandParser
{
    Q_DECLARE_TR_FUNCTIONS(CommandParser)

public:
    CommandParser(const QString &command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    // Parses; on --help prints help and sets *exitCode 0; on a usage error
    // prints it and sets *exitCode 2. Returns whether the command should run.
    bool parse(const QStringList &arguments, int *exitCode);
    // Reads an integer option within [min, max]; prints a usage error and
    // returns false when it is not one.
    bool intValue(const QString &option, int min, int max, int *value, int *exitCode);
    // Reads a comma-separated list of company codes; an option given with no
    // code is a usage error.
    bool companyCodes(const QString &option, QStringList *codes, int *exitCode);
    int usageError(const QString &message);

    // --password-file FILE and --password-stdin: the password of a
    // protected copy, to write one (backup) or to read one.
    void addPasswordOptions(bool forWriting);
    // The password those options give (empty when neither is set). With
    // checkPolicy, one PasswordPolicy refuses is a usage error.
    // problem, if given, receives the reason (already printed).
    bool password(bool checkPolicy, QByteArray *password, int *exitCode,
                  QString *problem = nullptr);

private:
    QString m_command;
    QCommandLineParser m_parser;
};

} // namespace Resguarda::Cli
