#include "gui/Translations.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

using namespace Qt::StringLiterals;

namespace InviteDesk {

void installTranslations()
{
    // The translator installed last is asked first: plurals underneath, the system's language on top.
    auto *plurals = new QTranslator(QCoreApplication::instance());
    if (plurals->load(u"invitedesk_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(plurals);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (QLocale().language() != QLocale::English && ours->load(QLocale(), u"invitedesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
}

} // namespace InviteDesk
