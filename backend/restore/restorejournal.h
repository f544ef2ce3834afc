// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Resguarda {

// One folder (a company) or file (a template) that the swap moves, relative
// to the installation root.
struct SwapStep
{
    enum class Action { Replace, Add, Eliminate };
    Action action = Action::Replace;
    QString path; // "AT/empresas/0001", "AT/modelos/etiquetas/x.etq"
};

// The all-or-nothing part of a restore. The copy is first extracted into a
// staging folder inside the installation (same file system, so moves are
// renames); the journal records what the swap will move. Every company is
// then moved by renames: the old folder to staging/antigo, the new one from
// staging/novo into place. The state on disk plus the journal always tell
// how to undo or finish, so after a crash or kill -9 at any moment the next
// run of any command puts every company back entirely as it was (or, once
// the swap was committed, leaves it entirely as in the copy) and removes the
// staging folder.
class RestoreJournal
{
    Q_DECLARE_TR_FUNCTIONS(RestoreJournal)

public:
    enum class State { Staging, Swapping, Committed };

    explicit RestoreJournal(const QString &root);

    static QString stagingPath(const QString &root);
    QString stagingPath() const { return stagingPath(m_root); }
    QString newPath(const QString &relative) const; // staging/novo/<relative>
    QString oldPath(const QString &relative) const; // staging/antigo/<relative>
    QString installedPath(const QString &relative) const;

    State state = State::Staging;
    QString copyPath;
    QList<SwapStep> steps;

    // Writes the journal atomically and durably (a crash leaves the old or
    // the new journal, never a torn one).
    bool save(QString *error) const;
    static std::optional<RestoreJournal> load(const QString &root, QString *error);

    // Creates an empty staging folder with a journal in state Staging.
    OperationError begin();
    // Moves every step into place: journal to Swapping, renames, journal to
    // Committed, staging removed. A failed rename undoes what was done.
    OperationError swap();
    // Removes the staging folder, the journal last.
    bool removeStaging() const;

    // Finishes or undoes a restore interrupted in root, if there is one.
    // report receives a sentence for the user about what was found and done
    // (empty when there was nothing).
    static OperationError recover(const QString &root, QString *report);

private:
    bool rename(const QString &from, const QString &to, QString *error) const;
    OperationError rollBack();

    QString m_root;
};

} // namespace Resguarda
