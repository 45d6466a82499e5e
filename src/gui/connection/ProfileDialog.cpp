#include "gui/connection/ProfileDialog.h"

#include "core/audit/TeamAudit.h"
#include "gui/Accessible.h"
#include "gui/teamaudit/TeamAuditTest.h"
#include "ui_ProfileDialog.h"

#include <QtCore/QDir>
#include <QtCore/QLocale>
#include <QtGui/QResizeEvent>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

namespace InviteDesk {

ProfileDialog::ProfileDialog(const ConnectionProfile &profile, SecretStore::Kept keyKept, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ProfileDialog>()), m_profile(profile),
      m_hasStoredKey(keyKept != SecretStore::Kept::Nowhere)
{
    m_ui->setupUi(this);
    m_ui->nameEdit->setText(profile.name);
    m_ui->apiUrlEdit->setText(profile.apiUrl.toString());
    m_ui->actingUserEdit->setText(profile.actingUserId);
    m_ui->budgetSpin->setValue(profile.rateBudgetPercent);
    m_ui->proxyModeCombo->addItem(tr("As the system is set"), QVariant::fromValue(ProxyMode::System));
    m_ui->proxyModeCombo->addItem(tr("None (connect directly)"), QVariant::fromValue(ProxyMode::None));
    m_ui->proxyModeCombo->addItem(tr("This proxy:"), QVariant::fromValue(ProxyMode::Manual));
    m_ui->proxyModeCombo->setCurrentIndex(m_ui->proxyModeCombo->findData(QVariant::fromValue(profile.proxyMode)));
    m_ui->proxyUrlEdit->setText(profile.proxyUrl.toString());
    m_ui->teamAuditEdit->setText(profile.teamAuditUrl);
    if (!profile.teamAuditUrl.isEmpty())
        m_ui->teamAuditPasswordEdit->setPlaceholderText(tr("Kept in the keychain — type a new one to replace it"));
    showProxyMode();
    showCaFile();
    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, &ProfileDialog::showProxyMode);
    connect(m_ui->caChooseButton, &QPushButton::clicked, this, &ProfileDialog::chooseCaFile);
    connect(m_ui->caRemoveButton, &QPushButton::clicked, this, [this] {
        m_profile.caFile.clear();
        showCaFile();
        fitWrappedLines();
        m_ui->caChooseButton->setFocus();
    });
    if (keyKept == SecretStore::Kept::InKeychain)
        m_ui->keyEdit->setPlaceholderText(tr("Stored in the keychain — type a new key to replace it"));
    else if (keyKept == SecretStore::Kept::ForThisSession)
        m_ui->keyEdit->setPlaceholderText(tr("Kept for this session only — type a new key to replace it"));
    else if (!profile.name.isEmpty())
        m_ui->keyEdit->setFocus(); // an existing profile without its key: the key is what is missing
    m_ui->keychainNote->setText(keyKept == SecretStore::Kept::ForThisSession
                                    ? tr("No keychain took the key: it is kept in memory until InviteDesk quits, and "
                                         "asked for again next time. Never in InviteDesk's settings.")
                                    : tr("The key is stored in your system's keychain, never in InviteDesk's settings."));
    connect(m_ui->showKeyCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_ui->keyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    // Alt letters for the standard buttons too (Qt's own texts have none); C and A are taken here.
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Canc&el"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::setKeychainNote(const QString &note)
{
    m_ui->keychainNote->setText(note);
}

ConnectionProfile ProfileDialog::profile() const
{
    ConnectionProfile p = m_profile;
    p.name = m_ui->nameEdit->text().trimmed();
    p.apiUrl = QUrl(m_ui->apiUrlEdit->text().trimmed());
    p.actingUserId = m_ui->actingUserEdit->text().trimmed();
    p.rateBudgetPercent = m_ui->budgetSpin->value();
    p.proxyMode = m_ui->proxyModeCombo->currentData().value<ProxyMode>();
    p.proxyUrl = p.proxyMode == ProxyMode::Manual ? QUrl(m_ui->proxyUrlEdit->text().trimmed()) : QUrl();
    p.teamAuditUrl = m_ui->teamAuditEdit->text().trimmed();
    if (!secretKey().isEmpty())
        p.environment = environmentOfKey(secretKey());
    return p;
}

QString ProfileDialog::teamAuditPassword() const
{
    return m_ui->teamAuditPasswordEdit->text();
}

QString ProfileDialog::secretKey() const
{
    return m_ui->keyEdit->text().trimmed();
}

void ProfileDialog::accept()
{
    const ConnectionProfile p = profile();
    QString problem;
    if (p.name.isEmpty())
        problem = tr("Give the profile a name.");
    else if (std::optional<ClerkError> bad = checkApiUrl(p.apiUrl))
        problem = bad->userMessage();
    else if (std::optional<ClerkError> badProxy = p.proxyMode == ProxyMode::Manual ? checkProxyUrl(p.proxyUrl)
                                                                                   : std::nullopt)
        problem = badProxy->userMessage();
    else if (const QString badAudit = teamAuditProblem(p.teamAuditUrl); !badAudit.isEmpty())
        problem = badAudit;
    else if (!secretKey().isEmpty() || !m_hasStoredKey) {
        if (std::optional<ClerkError> badKey = checkSecretKey(secretKey()))
            problem = badKey->userMessage();
    }
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    QDialog::accept();
}

QString ProfileDialog::teamAuditProblem(const QString &url)
{
    if (url.isEmpty())
        return {};
    QString why;
    const std::optional<TeamAuditTarget> target = TeamAuditTarget::parse(url, &why);
    if (!target)
        return tr("The team audit database: %1.").arg(why);
    // Settings are a plain file: the password belongs elsewhere.
    if (!target->password.isEmpty())
        return tr("Leave the password out of the team audit URL; InviteDesk takes it from "
                  "INVITEDESK_AUDIT_PASSWORD or PostgreSQL's own ~/.pgpass.");
    return {};
}

void ProfileDialog::tellTestResult(const QString &text)
{
    m_ui->testResult->setText(text);
    announce(m_ui->testResult, text); // the agent's focus is on the button, or already elsewhere
}

void ProfileDialog::testConnection()
{
    const QString key = secretKey();
    if (key.isEmpty()) {
        tellTestResult(tr("Type the key to test it."));
        return;
    }
    const ConnectionProfile typed = profile();
    if (typed.proxyMode == ProxyMode::Manual) {
        if (std::optional<ClerkError> badProxy = checkProxyUrl(typed.proxyUrl)) {
            tellTestResult(badProxy->userMessage());
            return;
        }
    }
    QString caProblem;
    ConnectionSetup setup; // a connection of its own, that reads one page and records nothing
    setup.client = clientConfigFor(typed, key, {}, &caProblem);
    if (!caProblem.isEmpty()) {
        tellTestResult(caProblem);
        return;
    }
    setup.client.maxReadAttempts = 1; // one quick answer, whatever it is: a 429 is reported, not waited out
    setup.client.maxRateLimitWaits = 0;
    setup.client.transferTimeout = std::chrono::seconds(15);
    m_testConnection = std::make_unique<Connection>(std::move(setup));
    m_ui->testButton->setEnabled(false);
    tellTestResult(tr("Testing…"));
    OrganizationQuery query;
    query.limit = 1;
    m_testConnection->client()->listOrganizations(query, this, [this, key](Result<Page<Organization>> result) {
        m_ui->testButton->setEnabled(true);
        if (!result) {
            tellTestResult(result.error().oneLine());
            return;
        }
        const KeyEnvironment env = environmentOfKey(key);
        const QString kind = env == KeyEnvironment::Production ? tr("a production instance")
                             : env == KeyEnvironment::Development ? tr("a development instance")
                                                                  : tr("an instance");
        const QString clerk = tr("Connected to %1 with %2 organization(s).")
                                  .arg(kind, QLocale().toString(result.value().totalCount));
        tellTestResult(clerk);
        testTeamAudit(clerk);
    });
}

void ProfileDialog::testTeamAudit(const QString &clerk)
{
    const QString url = m_ui->teamAuditEdit->text().trimmed();
    if (url.isEmpty())
        return;
    if (const QString problem = teamAuditProblem(url); !problem.isEmpty()) {
        tellTestResult(clerk + u' ' + problem);
        return;
    }
    std::optional<TeamAuditTarget> target = TeamAuditTarget::parse(url, nullptr);
    if (!teamAuditPassword().isEmpty())
        target->password = teamAuditPassword();
    m_ui->testButton->setEnabled(false);
    tellTestResult(clerk + u' ' + tr("Testing the team audit database…"));
    InviteDesk::testTeamAudit(*target, this, [this, clerk](const TeamAuditTestAnswer &answer) {
        m_ui->testButton->setEnabled(true);
        tellTestResult(clerk + u' ' + answer.text);
    });
}

void ProfileDialog::showProxyMode()
{
    const bool manual = m_ui->proxyModeCombo->currentData().value<ProxyMode>() == ProxyMode::Manual;
    m_ui->proxyUrlEdit->setEnabled(manual);
}

void ProfileDialog::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Extra CA certificate"), m_profile.caFile,
                                                      tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (path.isEmpty())
        return;
    const Result<QList<QSslCertificate>> certificates = loadCaCertificates(path);
    if (!certificates) {
        QMessageBox::warning(this, windowTitle(), certificates.error().userMessage());
        return;
    }
    m_profile.caFile = path;
    showCaFile();
    fitWrappedLines();
}

void ProfileDialog::showCaFile()
{
    const bool has = !m_profile.caFile.isEmpty();
    m_ui->caRemoveButton->setEnabled(has);
    if (!has)
        return setCaSummary(tr("None: only the system's certificate authorities are trusted."));
    const Result<QList<QSslCertificate>> certificates = loadCaCertificates(m_profile.caFile);
    if (!certificates)
        return setCaSummary(certificates.error().userMessage());
    QStringList names;
    for (const QSslCertificate &certificate : certificates.value())
        names << describeCertificate(certificate);
    setCaSummary(tr("%1 — %2").arg(QDir::toNativeSeparators(m_profile.caFile), names.join(u"; ")));
}

void ProfileDialog::setCaSummary(const QString &text)
{
    // A screen reader reads a label by its name: a fixed one ("Extra CA certificate") hid whose certificate is
    // trusted and until when. The Choose button, which takes the focus, describes what it would replace.
    m_ui->caSummary->setText(text);
    m_ui->caSummary->setAccessibleName(tr("Extra CA certificate: %1").arg(text));
    m_ui->caChooseButton->setAccessibleDescription(text);
}

void ProfileDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitWrappedLines();
}

void ProfileDialog::fitWrappedLines()
{
    // A line that wraps (the CA summary, the keychain note; German wraps more) needs the height its width
    // gives it: a dialog sized by its minimum height alone showed one and a half lines. Each such label asks
    // for that height at the width it has; the dialog grows to its layout's new minimum.
    layout()->activate();
    for (QLabel *label : findChildren<QLabel *>()) {
        if (label->wordWrap() && label->isVisible())
            label->setMinimumHeight(label->heightForWidth(label->width()));
    }
}

void ProfileDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitWrappedLines(); // wider, fewer lines; narrower, more
}

} // namespace InviteDesk
