#include "gui/ActivityModel.h"

#include "core/api/ClerkError.h"
#include "core/util/TextOutput.h"

#include <QtCore/QLocale>
#include <QtGui/QIcon>
#include <QtGui/QTextDocument>

using namespace Qt::StringLiterals;

namespace InviteDesk {

ActivityModel::ActivityModel(QObject *parent) : QAbstractTableModel(parent) {}

QString ActivityModel::timeText(const QDateTime &time)
{
    // Seconds matter in a log of what happened when; some languages' short format drops them (German's "HH:mm").
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    if (!format.contains(u's'))
        format.replace(u"mm"_s, u"mm:ss"_s);
    return QLocale().toString(time.time(), format);
}

QString ActivityModel::levelName(Level level)
{
    switch (level) {
    case Level::Error: return tr("Error");
    case Level::Warning: return tr("Warning");
    case Level::Success: return tr("Done");
    case Level::Info: break;
    }
    return tr("Note");
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == Time ? tr("Time") : tr("Message");
    return QAbstractTableModel::headerData(section, orientation, role);
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Time ? timeText(entry.time) : printable(entry.message);
    case Qt::AccessibleTextRole:
        // The icon says how it went; a screen reader says it in words.
        return index.column() == Time ? timeText(entry.time) : levelName(entry.level) + u": "_s + printable(entry.message);
    case Qt::ToolTipRole: {
        // Plain text, always: a message from a server must not be read as rich text.
        const QString tip = printable(entry.message) + (entry.detail.isEmpty() ? QString() : u'\n' + printable(entry.detail));
        return Qt::mightBeRichText(tip) ? Qt::convertFromPlainText(tip) : tip;
    }
    case Qt::DecorationRole:
        if (index.column() != Message)
            return {};
        switch (entry.level) {
        case Level::Error: return QIcon(u":/icons/status-failed.svg"_s);
        case Level::Warning: return QIcon(u":/icons/status-warning.svg"_s);
        case Level::Success: return QIcon(u":/icons/status-revoked.svg"_s);
        case Level::Info: return QIcon(u":/icons/status-info.svg"_s);
        }
        return {};
    case LevelRole:
        return int(entry.level);
    case DetailRole:
        return entry.detail;
    default:
        return {};
    }
}

void ActivityModel::add(Level level, const QString &message, const QString &detail)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(Entry{QDateTime::currentDateTime(), level, message, detail});
    endInsertRows();
}

void ActivityModel::addError(const QString &context, const ClerkError &error)
{
    QStringList detail;
    if (!error.code().isEmpty())
        detail << tr("Clerk code: %1").arg(error.code());
    if (!error.traceId().isEmpty())
        detail << tr("Trace ID: %1").arg(error.traceId());
    if (error.httpStatus())
        detail << tr("HTTP status: %1").arg(error.httpStatus());
    add(Level::Error, context.isEmpty() ? error.userMessage() : context + u": "_s + error.userMessage(),
        detail.join(u'\n'));
}

} // namespace InviteDesk
