#pragma once
// A test executable CTest runs in parts, side by side (tests/CMakeLists.txt, invitedesk_add_test's PARTS): each
// named part runs its test functions by name, as Qt Test does; the rest runs with "--except=f,g,…", every
// test function but those. So a function added later runs in the rest without anyone listing it, and a part
// that names a function no longer there fails (Qt Test's "Unknown test function", or the check below).

#include <QtCore/QByteArrayList>
#include <QtCore/QMetaMethod>
#include <QtCore/QObject>
#include <QtTest/QTest>

#include <cstdio>
#include <vector>

namespace InviteDesk::Testing {

/*!
 * Test functions as Qt Test finds them: private slots returning void, without arguments, neither a fixture
 * nor data, the test class's own and those of its bases below QObject.
 */
inline QByteArrayList testFunctions(const QMetaObject &meta)
{
    static const QByteArrayList fixtures{"initTestCase", "initTestCase_data", "cleanupTestCase", "init", "cleanup"};
    QByteArrayList names;
    for (int i = QObject::staticMetaObject.methodCount(); i < meta.methodCount(); ++i) {
        const QMetaMethod m = meta.method(i);
        if (m.methodType() != QMetaMethod::Slot || m.access() != QMetaMethod::Private || m.parameterCount() != 0
            || m.returnType() != QMetaType::Void)
            continue;
        if (!fixtures.contains(m.name()) && !m.name().endsWith("_data"))
            names.append(m.name());
    }
    return names;
}

/*! QTest::qExec, with "--except=f,g,…" turned into the names of every other test function. */
inline int execParts(QObject *test, int argc, char **argv)
{
    static const QByteArray option = "--except=";
    std::vector<QByteArray> args;
    QByteArrayList excepted;
    for (int i = 0; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg.startsWith(option))
            excepted += arg.mid(option.size()).split(',');
        else
            args.push_back(arg);
    }
    if (!excepted.isEmpty()) {
        const QByteArrayList all = testFunctions(*test->metaObject());
        for (const QByteArray &name : excepted) {
            if (!all.contains(name)) {
                std::fprintf(stderr, "--except names %s, which is not a test function of %s\n", name.constData(),
                             test->metaObject()->className());
                return 1;
            }
        }
        const std::size_t named = args.size();
        for (const QByteArray &name : all) {
            if (!excepted.contains(name))
                args.push_back(name);
        }
        if (args.size() == named) { // Qt Test would take no names as "all of them"
            std::fprintf(stderr, "--except leaves no test function of %s to run\n", test->metaObject()->className());
            return 0;
        }
    }
    std::vector<char *> pointers;
    for (QByteArray &arg : args)
        pointers.push_back(arg.data());
    return QTest::qExec(test, int(pointers.size()), pointers.data());
}

} // namespace InviteDesk::Testing

//! QTEST_GUILESS_MAIN (Qt's own set-up, kept) for a test run in parts.
#define INVITEDESK_TEST_PARTS_GUILESS_MAIN(TestObject) \
    int main(int argc, char *argv[]) \
    { \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>(); \
        QTEST_QAPP_SETUP(QCoreApplication) \
        TestObject tc; \
        QTEST_SET_MAIN_SOURCE_PATH \
        return InviteDesk::Testing::execParts(&tc, argc, argv); \
    }
