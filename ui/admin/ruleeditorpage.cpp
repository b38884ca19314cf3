#include "ruleeditorpage.h"

#include "common/domainlabels.h"
#include "common/firmsearchwidget.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/factcatalog.h"
#include "rules/compiledrule.h"
#include "store/referencerepository.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

namespace {

enum ItemRole { IdRole = Qt::UserRole, IsPolicyRole, BrokenRole };

/// Context of the warnings, so that check() (static) can translate.
class RuleWarnings
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::RuleEditorPage)

public:
    RuleWarnings()
        : m_defaults(Matching::FactBuilder::facts(Matching::FirmFacts{}))
    {
        const QStringList names = Matching::FactCatalog::factNames();
        m_names = QSet<QString>(names.cbegin(), names.cend());
    }

    void walk(const QJsonValue &value, const QString &path, QStringList *out) const
    {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                walk(array.at(i), path + u'/' + QString::number(i), out);
            return;
        }
        if (!value.isObject() || value.toObject().size() != 1)
            return;
        const QJsonObject object = value.toObject();
        const QString op = object.constBegin().key();
        const QJsonValue args = object.constBegin().value();
        QString escaped = op;
        escaped.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
        const QString here = path + u'/' + escaped;
        const QString shown = path.isEmpty() ? u"/"_s : path;

        if (op == u"var") {
            const QString name = varName(value);
            if (!name.isEmpty() && !isKnown(name))
                out->append(tr("The fact “%1” at %2 is not one of the firm facts; it is always empty.")
                                .arg(name, shown));
            return;
        }
        const QJsonArray list = args.isArray() ? args.toArray() : QJsonArray{args};
        if ((op == u"/" || op == u"%") && list.size() >= 2) {
            const QString divisor = varName(list.at(1));
            if (!divisor.isEmpty())
                out->append(tr("The division at %1 divides by the fact “%2”, which may be zero.")
                                .arg(shown, divisor));
        }
        static const QSet<QString> comparisons{u"=="_s, u"!="_s, u"==="_s, u"!=="_s,
                                               u"<"_s,  u"<="_s, u">"_s,   u">="_s};
        if (comparisons.contains(op)) {
            for (const QJsonValue &a : list) {
                if (!a.isString())
                    continue;
                for (const QJsonValue &b : list) {
                    const QString fact = varName(b);
                    if (!fact.isEmpty() && isNumeric(fact))
                        out->append(tr("The comparison at %1 compares the text “%2” with the numeric fact "
                                       "“%3”; write the number without quotes.")
                                        .arg(shown, a.toString(), fact));
                }
            }
        }
        walk(args, here, out);
    }

private:
    static QString varName(const QJsonValue &value)
    {
        if (!value.isObject())
            return {};
        const QJsonObject object = value.toObject();
        if (object.size() != 1 || !object.contains(u"var"))
            return {};
        const QJsonValue arg = object.value(u"var");
        if (arg.isString())
            return arg.toString();
        if (arg.isArray() && !arg.toArray().isEmpty() && arg.toArray().at(0).isString())
            return arg.toArray().at(0).toString();
        return {};
    }

    bool isKnown(const QString &name) const
    {
        if (m_names.contains(name))
            return true;
        // An element of an array fact: firm.qualifications.0
        for (const QString &known : m_names) {
            if (name.startsWith(known + u'.'))
                return true;
        }
        return false;
    }

    bool isNumeric(const QString &name) const
    {
        return Matching::Explainer::factValue(m_defaults, name).isNumber();
    }

    Rules::Value m_defaults;
    QSet<QString> m_names;
};

class EditorTr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::RuleEditorPage)
};

/// Parses one JSON value of any kind (QJsonDocument only takes objects and arrays at the top).
bool parseValue(const QString &text, QJsonValue *value, QString *error)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + utf8 + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int byteOffset = qBound(0, parseError.offset - 1, int(utf8.size()));
        const qsizetype offset = QString::fromUtf8(utf8.left(byteOffset)).size();
        *error = EditorTr::tr("The rule is not valid JSON at character %1: %2.")
                     .arg(offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (doc.array().size() != 1) {
        *error = EditorTr::tr("The rule must be one JSON value, not a list separated by commas.");
        return false;
    }
    *value = doc.array().at(0);
    return true;
}

QString toText(const QJsonValue &value, QJsonDocument::JsonFormat format)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(format)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(format)).trimmed();
    if (value.isUndefined())
        return {};
    const QString wrapped
        = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return wrapped.mid(1, wrapped.size() - 2);
}

/// The stored rule as indented JSON; the raw text when it does not parse.
QString indented(const QString &stored)
{
    if (stored.trimmed().isEmpty())
        return {};
    QJsonValue value;
    QString error;
    return parseValue(stored, &value, &error) ? toText(value, QJsonDocument::Indented) : stored;
}

} // namespace

RuleEditorPage::RuleEditorPage(Store::Database &db, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_target(new QComboBox(this))
    , m_storedState(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_save(new QPushButton(tr("Save rule"), this))
    , m_saveMessage(new QLabel(this))
    , m_search(new FirmSearchWidget(db, this))
    , m_result(new QLabel(this))
    , m_explanation(new QPlainTextEdit(this))
    , m_debounce(new QTimer(this))
{
    m_target->setObjectName(u"ruleTarget"_s);
    m_editor->setObjectName(u"ruleText"_s);
    m_error->setObjectName(u"ruleError"_s);
    m_warnings->setObjectName(u"ruleWarnings"_s);
    m_save->setObjectName(u"ruleSave"_s);
    m_storedState->setWordWrap(true);
    m_storedState->setStyleSheet(u"color: #b00020;"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(u"color: #a05a00;"_s);
    m_saveMessage->setWordWrap(true);
    m_result->setWordWrap(true);
    m_explanation->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_save->setEnabled(false);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(new QLabel(tr("Policy or product:"), left));
    leftLayout->addWidget(m_target);
    leftLayout->addWidget(m_storedState);
    leftLayout->addWidget(new QLabel(tr("Eligibility rule (JsonLogic):"), left));
    leftLayout->addWidget(m_editor, 1);
    leftLayout->addWidget(m_error);
    leftLayout->addWidget(m_warnings);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addWidget(m_saveMessage, 1);
    leftLayout->addLayout(saveRow);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(new QLabel(tr("Test against a firm:"), right));
    rightLayout->addWidget(m_search, 1);
    rightLayout->addWidget(m_result);
    rightLayout->addWidget(m_explanation, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        m_saveMessage->clear();
        loadTarget();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_save->setEnabled(false); // not validated yet
        if (!m_loading)
            m_dirty = true;
        m_debounce->start();
    });
    connect(m_debounce, &QTimer::timeout, this, &RuleEditorPage::validateNow);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_search, &FirmSearchWidget::firmActivated, this, [this](const QString &id) { testFirm(id); });
}

RuleEditorPage::Check RuleEditorPage::check(const QString &text)
{
    Check result;
    if (text.trimmed().isEmpty()) {
        result.valid = true;
        return result;
    }
    QJsonValue value;
    if (!parseValue(text, &value, &result.error))
        return result;
    QString compileError;
    if (!Rules::CompiledRule::compile(value, &compileError).isValid()) {
        result.error = tr("The rule does not compile: %1.").arg(compileError);
        return result;
    }
    result.valid = true;
    result.rule = value;
    RuleWarnings().walk(value, QString(), &result.warnings);
    return result;
}

void RuleEditorPage::refresh()
{
    const QString current = currentTargetId();
    const Store::ReferenceRepository reference(m_db);
    const QSignalBlocker blocker(m_target);
    m_target->clear();
    auto *model = qobject_cast<QStandardItemModel *>(m_target->model());

    const auto addHeader = [&](const QString &title) {
        m_target->addItem(title);
        if (model)
            model->item(m_target->count() - 1)->setEnabled(false);
    };
    const auto addItem = [&](const QString &text, const QString &id, bool isPolicy, const QString &rule) {
        const bool broken
            = !rule.trimmed().isEmpty() && !Rules::CompiledRule::compileJson(rule.toUtf8()).isValid();
        m_target->addItem(broken ? tr("%1 — rule invalid").arg(text) : text, id);
        const int row = m_target->count() - 1;
        m_target->setItemData(row, isPolicy, IsPolicyRole);
        m_target->setItemData(row, broken, BrokenRole);
        if (broken)
            m_target->setItemData(row, QColor(0xb0, 0x00, 0x20), Qt::ForegroundRole);
    };

    addHeader(tr("Policies"));
    for (const Core::Policy &p : reference.policies())
        addItem(u"%1 %2"_s.arg(p.code, p.title), p.meta.id, true, p.eligibilityRule);
    addHeader(tr("Products"));
    for (const Core::FinancingProduct &p : reference.products())
        addItem(u"%1 %2"_s.arg(p.code, p.name), p.meta.id, false, p.eligibilityRule);

    int index = current.isEmpty() ? -1 : m_target->findData(current);
    if (index < 0 && m_target->count() > 1)
        index = 1; // the first policy
    m_target->setCurrentIndex(index);
    // Coming back to the page keeps unsaved edits of the same item.
    if (index >= 0 && currentTargetId() == current && m_dirty)
        validateNow();
    else
        loadTarget();
}

bool RuleEditorPage::selectTarget(const QString &id)
{
    if (!isLoaded())
        activate();
    const int index = m_target->findData(id);
    if (index < 0)
        return false;
    m_target->setCurrentIndex(index);
    return true;
}

QString RuleEditorPage::currentTargetId() const
{
    return m_target->currentData(IdRole).toString();
}

bool RuleEditorPage::currentIsPolicy() const
{
    return m_target->currentData(IsPolicyRole).toBool();
}

void RuleEditorPage::loadTarget()
{
    const QString id = currentTargetId();
    const Store::ReferenceRepository reference(m_db);
    QString stored;
    if (!id.isEmpty()) {
        if (currentIsPolicy()) {
            if (const auto policy = reference.policy(id))
                stored = policy->eligibilityRule;
        } else if (const auto product = reference.product(id)) {
            stored = product->eligibilityRule;
        }
    }
    if (m_target->currentData(BrokenRole).toBool()) {
        QString error;
        Rules::CompiledRule::compileJson(stored.toUtf8(), &error);
        m_storedState->setText(tr("Rule invalid: the stored rule does not compile (%1). Matching shows this "
                                  "item as broken instead of passing or failing every firm.")
                                   .arg(error));
    } else {
        m_storedState->clear();
    }
    m_result->clear();
    m_explanation->clear();
    m_loading = true;
    m_editor->setPlainText(indented(stored));
    m_loading = false;
    m_dirty = false;
    validateNow();
}

void RuleEditorPage::validateNow()
{
    m_debounce->stop();
    m_check = check(m_editor->toPlainText());
    m_error->setText(m_check.error);
    m_warnings->setText(m_check.warnings.join(u'\n'));
    m_save->setEnabled(m_check.valid && !currentTargetId().isEmpty());
}

bool RuleEditorPage::testFirm(const QString &enterpriseId)
{
    validateNow();
    m_explanation->clear();
    if (!m_check.valid) {
        m_result->setText(tr("The rule does not compile; correct it before testing it against a firm."));
        return false;
    }
    QString error;
    const auto data = Matching::FactBuilder::load(m_db, enterpriseId, &error);
    if (!data) {
        m_result->setText(tr("The firm could not be loaded: %1").arg(error));
        return false;
    }
    const Matching::FirmFacts firm = Matching::FactBuilder::firmFacts(*data, QDate::currentDate());
    const Rules::Value facts = Matching::FactBuilder::facts(firm);
    const Matching::Explanation explanation = m_check.rule.isUndefined()
                                                  ? Matching::Explainer::explain(QString(), facts)
                                                  : Matching::Explainer::explain(m_check.rule, facts);
    m_result->setText(explanation.passed ? tr("%1 meets this rule.").arg(firm.name)
                                         : tr("%1 does not meet this rule.").arg(firm.name));
    m_explanation->setPlainText(
        Matching::Explainer::render(explanation, DomainLabels::explanationLanguage(), facts).join(u'\n'));
    return true;
}

bool RuleEditorPage::save()
{
    validateNow();
    const QString id = currentTargetId();
    if (!m_check.valid || id.isEmpty()) {
        m_saveMessage->setText(tr("The rule does not compile and was not saved."));
        return false;
    }
    const QString compact = toText(m_check.rule, QJsonDocument::Compact);
    Store::ReferenceRepository reference(m_db);
    QString error;
    QString message;
    if (currentIsPolicy()) {
        auto policy = reference.policy(id);
        if (!policy) {
            m_saveMessage->setText(tr("The policy no longer exists in the store; the rule was not saved."));
            return false;
        }
        policy->eligibilityRule = compact;
        ++policy->ruleVersion;
        if (!reference.save(*policy, &error)) {
            m_saveMessage->setText(tr("The rule was not saved: %1").arg(error));
            return false;
        }
        message = tr("The rule of the policy %1 was saved (rule version %2).")
                      .arg(policy->code)
                      .arg(policy->ruleVersion);
    } else {
        auto product = reference.product(id);
        if (!product) {
            m_saveMessage->setText(tr("The product no longer exists in the store; the rule was not saved."));
            return false;
        }
        product->eligibilityRule = compact;
        if (!reference.save(*product, &error)) {
            m_saveMessage->setText(tr("The rule was not saved: %1").arg(error));
            return false;
        }
        message = tr("The rule of the product %1 was saved.").arg(product->code);
    }
    m_dirty = false;
    refresh(); // the combo's 规则无效 marks and the editor's text follow the store
    m_saveMessage->setText(message);
    return true;
}

} // namespace XinDai::Ui
