#include "gui/teamaudit/TeamAuditTest.h"

#include "core/audit/TeamAudit.h"
#include "core/util/TextOutput.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QCoreApplication>
#include <QtCore/QFutureWatcher>

namespace InviteDesk {

void testTeamAudit(const TeamAuditTarget &target, QObject *context, std::function<void(const TeamAuditTestAnswer &)> done)
{
    // The watcher belongs to the context: gone with it, so a late answer calls no one.
    auto *watcher = new QFutureWatcher<std::pair<QString, QString>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        const auto [problem, warning] = watcher->result();
        TeamAuditTestAnswer answer;
        answer.usable = problem.isEmpty();
        answer.warned = answer.usable && !warning.isEmpty();
        answer.text = answer.usable
                          ? QCoreApplication::translate("TeamAuditTest", "The team audit database answers and is ready.")
                          : QCoreApplication::translate("TeamAuditTest", "The team audit database cannot be used: %1.")
                                .arg(printable(problem));
        if (!warning.isEmpty())
            answer.text += u' ' + QCoreApplication::translate("TeamAuditTest", "Warning: %1.").arg(printable(warning));
        done(answer);
    });
    watcher->setFuture(QtConcurrent::run([target] {
        QString warning;
        QString problem = TeamAuditStore::probe(target, &warning);
        return std::pair{problem, warning};
    }));
}

} // namespace InviteDesk
