// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "core/rooteddir.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Resguarda {

class Installation;

// One folder (a company) or file (a template) that the swap moves, relative
// to the installation root.
struct SwapStep
{
    enum class Action { Replace, Add, Eliminate };
    Action action = Action::Replace;
    QString path; // "AT/empresas/0001", "AT/modelos/etiquetas/x.etq"

    // Whether path is one a restore of system may move: exactly
    // <system>/empresas/<valid company code>, or a safe path below
    // <system>/modelos/. Paths read from a journal are only used after this.
    static bool isValidPath(const QString &path, const QString &system);
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
//
// Everything is done through the installation root held open (RootedDir):
// no link planted in the tree, the staging folder or the journal is ever
// followed. The journal is input like any other file of the tree: its steps
// are checked against the code rules before any is acted on, and one that
// cannot be read or checked stops every command instead of being guessed at.
class RestoreJournal
{
    Q_DECLARE_TR_FUNCTIONS(RestoreJournal)

public:
    enum class State { Staging, Swapping, Committed };

    explicit RestoreJournal(std::shared_ptr<const RootedDir> root);

    static QString stagingName(); // ".resguarda-restauracao", below the root
    static QString stagingPath(const QString &root);
    QString stagingPath() const;
    // Paths below the root, for RootedDir.
    static QString newPath(const QString &relative); // staging/novo/<relative>
    static QString oldPath(const QString &relative); // staging/antigo/<relative>
    const RootedDir &root() const { return *m_root; }

    State state = State::Staging;
    QString system; // the system restored; every step belongs to it
    QString copyPath; // for the user's information only
    QList<SwapStep> steps;

    // Writes the journal atomically and durably (a crash leaves the old or
    // the new journal, never a torn one).
    bool save(QString *error) const;
    // Reads and checks the journal of the installation whose root is held
    // by root. Fails for a journal that is missing, unreadable, too large,
    // or names anything but valid steps of one valid system.
    static std::optional<RestoreJournal> load(std::shared_ptr<const RootedDir> root,
                                              QString *error);
    static std::optional<RestoreJournal> load(const QString &root, QString *error);

    // Creates an empty staging folder with a journal in state Staging.
    OperationError begin();
    // Moves every step into place: journal to Swapping, renames, journal to
    // Committed, staging removed. A failed rename undoes exactly the renames
    // this call made, nothing else.
    OperationError swap();
    // Removes the staging folder, the journal last.
    bool removeStaging() const;

    // Finishes or undoes a restore interrupted in the installation, if there
    // is one. report receives a sentence for the user about what was found
    // and done (empty when there was nothing).
    static OperationError recover(const Installation &installation, QString *report);

private:
    struct Move
    {
        QString from;
        QString to;
    };
    bool move(const QString &from, const QString &to, QString *error,
              QList<Move> *done = nullptr) const;
    OperationError undo(const QList<Move> &done);
    OperationError rollBackFromDisk();
    // The error of a roll-back that could not finish, and the end of one that did.
    OperationError undoFailed(const QString &error) const;
    OperationError undone();
    static OperationError unreadableJournal(const QString &root, const QString &problem);

    std::shared_ptr<const RootedDir> m_root;
};

} // namespace Resguarda
