// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/console.h"

#include "core/crashpoint.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "core/interruptibleread.h"

#include <QLocale>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define isatty _isatty
#define fileno _fileno
#else
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace Resguarda::Cli {

namespace {

int terminalColumns()
{
#ifndef Q_OS_WIN
    winsize size {};
    if (::ioctl(fileno(stderr), TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
        return size.ws_col;
#endif
    return 80;
}

// Writes exactly text: only for what the program lays out itself (the
// progress bar's carriage returns). Everything else goes through
// writeSafe().
void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Every message goes out through here: whatever a value from input slipped
// into it, no control character reaches the terminal, only the program's
// own line breaks and tabs.
void writeSafe(FILE *stream, const QString &text)
{
    write(stream, DisplayText::terminalSafe(text));
}

} // namespace

void Console::out(const QString &text)
{
    writeSafe(stdout, text.endsWith(u'\n') ? text : text + u'\n');
}

void Console::outJson(const QByteArray &json)
{
    const QByteArray escaped = DisplayText::escapeJsonControls(json);
    std::fwrite(escaped.constData(), 1, size_t(escaped.size()), stdout);
    if (!escaped.endsWith('\n'))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Console::err(const QString &text)
{
    writeSafe(stderr, text.endsWith(u'\n') ? text : text + u'\n');
}

bool Console::stderrIsTerminal()
{
    return isatty(fileno(stderr));
}

bool Console::stdinIsTerminal()
{
    return isatty(fileno(stdin));
}

bool Console::confirm(const QString &question)
{
    writeSafe(stderr, question + u' ' + tr("[y/N]") + u' ');
    crashPoint("confirmation-prompted");
    // Ctrl-C at the question ends the wait (no answer is a no); so does the
    // end of input.
    QByteArray line;
    if (!readInterruptibly(STDIN_FILENO, &line, true, 4096))
        return false;
    const QString answer = QString::fromLocal8Bit(line).trimmed().toLower();
    // Accept the answer in the language of the question and in English.
    return answer == tr("y") || answer == tr("yes") || answer == u"y" || answer == u"yes";
}

ProgressBar::ProgressBar(bool enabled)
    : m_enabled(enabled)
{
}

ProgressBar::~ProgressBar()
{
    clear();
}

void ProgressBar::update(const JobProgress &progress)
{
    if (!m_enabled)
        return;
    if (m_drawn && m_sinceDraw.isValid() && m_sinceDraw.elapsed() < 100)
        return;
    m_sinceDraw.start();

    QString phase;
    switch (progress.phase) {
    case JobProgress::Phase::Preparing:
        phase = tr("Preparing");
        break;
    case JobProgress::Phase::Writing:
        phase = tr("Copying");
        break;
    case JobProgress::Phase::Verifying:
        phase = tr("Verifying");
        break;
    case JobProgress::Phase::Extracting:
        phase = tr("Extracting");
        break;
    case JobProgress::Phase::Saving:
        phase = tr("Saving to disk");
        break;
    case JobProgress::Phase::Swapping:
        phase = tr("Replacing");
        break;
    case JobProgress::Phase::Finishing:
        phase = tr("Finishing");
        break;
    case JobProgress::Phase::Sending:
        phase = tr("Sending");
        break;
    case JobProgress::Phase::Receiving:
        phase = tr("Fetching");
        break;
    }
    const double fraction = std::clamp(progress.fraction(), 0.0, 1.0);
    const QLocale locale;
    QString details
        = tr("%1%  %2 of %3  %4/s")
              .arg(locale.toString(int(fraction * 100)), FileSystem::formatSize(progress.bytesDone),
                   FileSystem::formatSize(progress.bytesTotal),
                   FileSystem::formatSize(qint64(progress.bytesPerSecond)));
    if (!progress.currentCompany.isEmpty())
        details += u"  " + tr("company %1").arg(DisplayText::displaySafe(progress.currentCompany));

    const int columns = terminalColumns() - 1;
    const int barWidth
        = std::max(10, std::min(30, columns - int(phase.size() + details.size()) - 5));
    const int filled = int(fraction * barWidth);
    const QString bar = QString(filled, QChar(0x2588)) + QString(barWidth - filled, QChar(0x2591));
    QString line = phase + u" [" + bar + u"] " + details;
    if (line.size() > columns)
        line.truncate(columns);
    write(stderr, u"\r" + line.leftJustified(columns) + u'\r');
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (m_enabled && m_drawn) {
        write(stderr, u"\r" + QString(terminalColumns() - 1, u' ') + u'\r');
        m_drawn = false;
    }
}

} // namespace Resguarda::Cli
