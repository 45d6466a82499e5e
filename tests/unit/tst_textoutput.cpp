// Text from Clerk in every text output: escaped so it cannot forge lines or steer a terminal; the
// ID-file reader; CSV cells a spreadsheet would run.

#include "core/util/Csv.h"
#include "core/domain/EmailAddress.h"
#include "core/domain/InvitationIds.h"
#include "core/domain/ListingScope.h"
#include "core/util/TextOutput.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

class TestTextOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printable_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"ada@example.com"_s << u"ada@example.com"_s;
        QTest::newRow("accents stay") << u"zoë.ångström@umbrella.example"_s << u"zoë.ångström@umbrella.example"_s;
        QTest::newRow("tab and newline") << u"a\tb\nc"_s << u"a\\tb\\nc"_s;
        QTest::newRow("carriage return") << u"a\rb"_s << u"a\\rb"_s;
        QTest::newRow("ANSI colour") << u"\x1b[31mred"_s << u"\\e[31mred"_s;
        QTest::newRow("NUL and DEL") << QString(u"a\0b\x7f"_s) << u"a\\u{0}b\\u{7f}"_s;
        QTest::newRow("C1 CSI") << u"a\u009bb"_s << u"a\\u{9b}b"_s;
        QTest::newRow("right-to-left override") << u"moc.live\u202E@x"_s << u"moc.live\\u{202e}@x"_s;
        QTest::newRow("zero-width space") << u"a\u200Bb"_s << u"a\\u{200b}b"_s;
        QTest::newRow("line separator") << u"a\u2028b"_s << u"a\\u{2028}b"_s;
        QTest::newRow("emoji stays") << u"a😀b"_s << u"a😀b"_s;
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QString(QChar(QChar::ReplacementCharacter));
    }

    void printable()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(InviteDesk::printable(input), expected);
    }

    void printableNeverLeavesAControlCharacter()
    {
        QString all;
        for (char32_t c = 0; c < 0x3000; ++c)
            all += QString::fromUcs4(&c, 1);
        const QString out = InviteDesk::printable(all);
        for (const QChar c : out) {
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && !(c.unicode() >= 0x80 && c.unicode() < 0xa0),
                     qPrintable(QString::number(c.unicode(), 16)));
            QVERIFY(!(c.unicode() >= 0x202A && c.unicode() <= 0x202E));
        }
    }

    void printableAddress_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"ada@example.com"_s << u"ada@example.com"_s;
        // The Kelvin sign looks like "K" and Unicode folds it to "k": in an address it is shown for what it is.
        QTest::newRow("Kelvin sign") << u"\u212Aelvin@example.com"_s << u"\\u{212a}elvin@example.com"_s;
        QTest::newRow("Cyrillic a") << u"p\u0430ypal@example.com"_s << u"p\\u{430}ypal@example.com"_s;
        QTest::newRow("fullwidth letters") << u"\uFF41dmin@example.com"_s << u"\\u{ff41}dmin@example.com"_s;
        QTest::newRow("Angstrom sign, not the letter") << u"\u212Bngstr\u00F6m@x"_s << u"\\u{212b}ngstr\u00F6m@x"_s;
        // An address in one script reads as it is: accents are letters, not disguises.
        QTest::newRow("accents") << u"zoë.ångström@example.com"_s << u"zoë.ångström@example.com"_s;
        QTest::newRow("Cyrillic alone") << u"иван@почта.рф"_s << u"иван@почта.рф"_s;
        QTest::newRow("Greek omicron among Latin") << u"g\u03BFogle@x"_s << u"g\\u{3bf}ogle@x"_s;
        QTest::newRow("outside the BMP") << u"a😀@x"_s << u"a😀@x"_s;
        // Invisible, and so a second address that looks like the first.
        QTest::newRow("word joiner") << u"alice\u2060@x"_s << u"alice\\u{2060}@x"_s;
        QTest::newRow("soft hyphen") << u"al\u00ADice@x"_s << u"al\\u{ad}ice@x"_s;
        QTest::newRow("variation selector") << u"alice\uFE0F@x"_s << u"alice\\u{fe0f}@x"_s;
        // "e" and a combining diaeresis show as the one letter another address spells with one character.
        QTest::newRow("decomposed accent") << u"zoe\u0308@x"_s << u"zoe\\u{308}@x"_s;
        QTest::newRow("controls as in printable()") << u"a\tb\u202E@x"_s << u"a\\tb\\u{202e}@x"_s;
    }

    void printableAddress()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(InviteDesk::printableAddress(input), expected);
    }

    void aListingScopeIsOneViewWithItsRules()
    {
        // What is shown, in one value: the front ends ask it rather than keep their own copies of it.
        QVERIFY(!ListingScope().isChosen());
        QVERIFY(!ListingScope::ofAddress(u"   "_s).isChosen()); // no address, no view: never "search everything"
        const ListingScope address = ListingScope::ofAddress(u"  Ana@Example.com "_s, InvitationStatus::Pending);
        QCOMPARE(address.kind(), ListingScope::Kind::EmailAddress);
        QCOMPARE(address.email(), u"Ana@Example.com"_s);
        QVERIFY(!address.takesStatus());
        QCOMPARE(address.withStatus(InvitationStatus::Revoked).status(), address.status()); // an address keeps its own
        QVERIFY(address.spansOrganizations());
        Organization acme;
        acme.id = u"org_1"_s;
        acme.name = u"Acme"_s;
        acme.slug = u"acme"_s;
        acme.pendingInvitationsCount = 5;
        ListingScope organization = ListingScope::ofOrganization(acme, InvitationStatus::Pending);
        QVERIFY(organization.takesStatus() && !organization.spansOrganizations());
        QCOMPARE(organization.withStatus(std::nullopt).status(), std::optional<InvitationStatus>());
        QVERIFY(organization.sameViewAs(organization.withStatus(InvitationStatus::Revoked)));
        QVERIFY(!organization.sameViewAs(ListingScope::ofInstance(InvitationStatus::Pending)));
        QVERIFY(!ListingScope::ofApplication({}).sameViewAs(ListingScope::ofInstance({})));
        QVERIFY(ListingScope::ofInstance({}).spansOrganizations());
        QVERIFY(!ListingScope::ofApplication({}).spansOrganizations()); // to the instance, not to an organization
        // A revoke elsewhere moves only its own organization's count.
        QVERIFY(!organization.countPendingChange(u"org_2"_s, -1));
        QCOMPARE(*organization.organization().pendingInvitationsCount, 5);
        QVERIFY(organization.countPendingChange(u"org_1"_s, -1));
        QCOMPARE(*organization.organization().pendingInvitationsCount, 4);
        QVERIFY(!organization.title().isEmpty() && organization.title().contains(u"Acme"_s));
        QVERIFY(organization.fileStem().contains(u"acme"_s));
    }

    void anAddressIsTheSameOnlyUpToAsciiCase()
    {
        QVERIFY(EmailAddress::same(u"Kelvin@EXAMPLE.com"_s, u"kelvin@example.com"_s));
        QVERIFY(!EmailAddress::same(u"\u212Aelvin@example.com"_s, u"kelvin@example.com"_s));
        QVERIFY(!EmailAddress::same(u"ZOË@example.com"_s, u"zoë@example.com"_s)); // only ASCII letters fold
        QVERIFY(!EmailAddress::same(u"kelvin@example.co"_s, u"kelvin@example.com"_s));
        // key() is equal exactly when same() says so, and an address without capitals is its own key.
        QCOMPARE(EmailAddress::key(u"Kelvin@EXAMPLE.com"_s), u"kelvin@example.com"_s);
        QVERIFY(EmailAddress::key(u"\u212Aelvin@example.com"_s) != EmailAddress::key(u"kelvin@example.com"_s));
        const QString lower = QString::fromLatin1("ada@example.com"); // on the heap, as an address from Clerk is
        QVERIFY(EmailAddress::key(lower).isSharedWith(lower));
        QVERIFY(ListingScope::ofAddress(u"Kelvin@example.com"_s, {}).sameViewAs(ListingScope::ofAddress(u"kelvin@example.com"_s, {})));
        QVERIFY(!ListingScope::ofAddress(u"\u212Aelvin@example.com"_s, {}).sameViewAs(ListingScope::ofAddress(u"kelvin@example.com"_s, {})));
    }

    void csvNeutralisesFormulas_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"ada@example.com"_s << u"ada@example.com"_s;
        QTest::newRow("equals") << u"=1+1"_s << u"'=1+1"_s;
        QTest::newRow("plus") << u"+1"_s << u"'+1"_s;
        QTest::newRow("minus") << u"-1"_s << u"'-1"_s;
        QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("tab") << u"\t=1"_s << u"'\t=1"_s;
        QTest::newRow("carriage return") << u"\r=1"_s << u"\"'\r=1\""_s;
        QTest::newRow("quote and comma") << u"a,\"b\""_s << u"\"a,\"\"b\"\"\""_s;
        QTest::newRow("newline kept exactly") << u"a\nb"_s << u"\"a\nb\""_s;
    }

    void csvNeutralisesFormulas()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(Csv::field(value), expected);
    }

    void invitationIds_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<int>("badLine"); // 0: none
        QTest::newRow("one per line") << QByteArray("inv_1\ninv_2\n") << QStringList{u"inv_1"_s, u"inv_2"_s} << 0;
        QTest::newRow("CRLF and BOM") << QByteArray("\xEF\xBB\xBFinv_1\r\ninv_2\r\n") << QStringList{u"inv_1"_s, u"inv_2"_s} << 0;
        QTest::newRow("separators only") << QByteArray(",,,\n;;\n\t \n") << QStringList{} << 0;
        QTest::newRow("spreadsheet rows") << QByteArray("inv_1,ada@x,admin\n,,inv_2;x\n") << QStringList{u"inv_1"_s, u"inv_2"_s} << 0;
        QTest::newRow("comments and blanks") << QByteArray("# ticket 42\n\n  inv_1  \n#inv_2\n") << QStringList{u"inv_1"_s} << 0;
        QTest::newRow("repeats dropped") << QByteArray("inv_1\ninv_1\ninv_2\ninv_1") << QStringList{u"inv_1"_s, u"inv_2"_s} << 0;
        QTest::newRow("no final newline") << QByteArray("inv_1") << QStringList{u"inv_1"_s} << 0;
        QTest::newRow("empty") << QByteArray() << QStringList{} << 0;
        QTest::newRow("a header cell is a word, not refused") << QByteArray("inv_1\ninvitation id\n") << QStringList{u"inv_1"_s, u"invitation"_s} << 0;
        QTest::newRow("an address") << QByteArray("inv_1\nada@example.com\n") << QStringList{u"inv_1"_s} << 2;
        QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\n") << QStringList{} << 1;
        QTest::newRow("NUL bytes") << QByteArray(1000, '\0') << QStringList{} << 1;
        QTest::newRow("a megabyte on one line") << QByteArray(1024 * 1024, 'x') << QStringList{} << 1;
        QTest::newRow("path tricks") << QByteArray("orginv_1/../../users\n") << QStringList{} << 1;
    }

    void invitationIds()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, ids);
        QFETCH(int, badLine);
        const InvitationIds::FileContent read = InvitationIds::read(content);
        if (badLine) {
            QVERIFY(read.problem);
            QVERIFY2(read.problem->startsWith(u"line %1:"_s.arg(badLine)), qPrintable(*read.problem));
            QVERIFY(read.problem->size() < 200); // named briefly, never echoed whole
        } else {
            QVERIFY2(!read.problem, qPrintable(read.problem.value_or(QString())));
            QCOMPARE(read.ids, ids);
        }
    }
};

QTEST_GUILESS_MAIN(TestTextOutput)
#include "tst_textoutput.moc"
