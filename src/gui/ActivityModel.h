#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>

namespace InviteDesk {

class ClerkError;

/*! This session's actions and errors, newest last; shown in the Activity dock. */
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Level { Info, Success, Warning, Error };
    Q_ENUM(Level)
    enum Column { Time, Message, ColumnCount };
    enum ItemRole { LevelRole = Qt::UserRole + 1, DetailRole };

    explicit ActivityModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void add(Level level, const QString &message, const QString &detail = {});
    /*! An error with Clerk's code and trace ID in the detail, for support tickets. */
    void addError(const QString &context, const ClerkError &error);
    QString messageAt(int row) const { return m_entries.at(row).message; }

    /*! The Time column's text: the locale's short time, with seconds. */
    static QString timeText(const QDateTime &time);
    /*! The word a screen reader says for the icon of \a level. */
    static QString levelName(Level level);

private:
    struct Entry
    {
        QDateTime time;
        Level level;
        QString message;
        QString detail;
    };
    QList<Entry> m_entries;
};

} // namespace InviteDesk
