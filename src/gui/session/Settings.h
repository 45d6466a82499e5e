#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>

namespace InviteDesk {

struct ConnectionProfile;
struct RecentOrganization;

/*!
 * The window's settings, typed: every key InviteDesk keeps in QSettings is named here once, with the
 * type it is read as and its value when it was never written. Nothing else in the program spells a
 * settings key; the keys on disk are those of earlier versions, so their settings still load.
 *
 * A plain setting is a Settings::Value<T> (`Settings::staleDays.get()`, `Settings::staleDays.set(10)`),
 * one per profile a Settings::PerProfile<T> (key/<profile ID>); the profiles themselves and their recent
 * organizations are records, read and written whole (ProfileStore is their user). Secrets never come here.
 */
namespace Settings {

/*! The value under \a key, or \a byDefault; what Value and PerProfile read and write through. */
QVariant read(const QString &key, const QVariant &byDefault);
void write(const QString &key, const QVariant &value);

/*! One value under \a key, read as T; \a byDefault when the file has none. */
template<typename T>
class Value
{
public:
    constexpr Value(const char *key, T byDefault = T()) : m_key(key), m_default(byDefault) {}

    T get() const { return read(QString::fromLatin1(m_key), QVariant::fromValue(m_default)).template value<T>(); }
    /*! What get() gives when nothing was written. */
    constexpr T byDefault() const { return m_default; }
    void set(const T &value) const { write(QString::fromLatin1(m_key), QVariant::fromValue(value)); }

private:
    const char *m_key;
    T m_default;
};

/*! One value per profile, under key/<profile ID>, read as T. */
template<typename T>
class PerProfile
{
public:
    constexpr explicit PerProfile(const char *key) : m_key(key) {}

    /*! \a byDefault when never set for \a profileId (it may depend on the profile, as the undo window does). */
    T get(const QString &profileId, const T &byDefault = T()) const
    {
        return read(keyFor(profileId), QVariant::fromValue(byDefault)).template value<T>();
    }
    void set(const QString &profileId, const T &value) const { write(keyFor(profileId), QVariant::fromValue(value)); }
    QString keyFor(const QString &profileId) const { return QString::fromLatin1(m_key) + u'/' + profileId; }

private:
    const char *m_key;
};

// The window.
inline const Value<QByteArray> windowGeometry{"window/geometry"};
inline const Value<QByteArray> windowState{"window/state"};
/*! The invitation table's columns, without the Organization column (InvitationsPage::saveColumns()). */
inline const Value<QByteArray> invitationColumns{"window/invitationColumns"};
/*! The N of the quick filter "pending longer than N days", as the agent last chose it. */
inline constexpr Value<int> staleDays{"filters/staleDays", 14};

// Connections.
/*! The profile opened last, opened again at the next start. */
inline const Value<QString> lastProfile{"lastProfile"};
/*! The organization to open when the profile is connected again. */
inline const PerProfile<QString> lastOrganization{"lastOrganization"};
/*! Whether confirmed revokes are held for an undo window. */
inline constexpr PerProfile<bool> holdsRevokes{"undo"};

/*! The saved profiles (at most \a most, whatever the file says), unsorted. */
QList<ConnectionProfile> profiles(int most);
void writeProfile(const ConnectionProfile &profile);
/*! The profile and every setting kept for it. */
void removeProfile(const QString &profileId);
/*! A profile's recent organizations, newest first (at most \a most). */
QList<RecentOrganization> recentOrganizations(const QString &profileId, int most);
/*! Replaces them; the first becomes the profile's lastOrganization too, in the same write. */
void writeRecentOrganizations(const QString &profileId, const QList<RecentOrganization> &list);

/*! Removes what earlier versions kept and no version reads any more. */
void forgetRetired();
/*! The file the settings are in. */
QString fileName();
/*!
 * Keeps every setting of this process in \a folder (an INI file) instead of the agent's own: the demo's
 * temporary folder. Call before the first setting is read.
 */
void keepIn(const QString &folder);

} // namespace Settings
} // namespace InviteDesk
