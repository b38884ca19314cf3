#pragma once

#include "common/workspacepage.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class FirmSearchWidget;

/// 规则编辑 (administrator): choose a policy or a product (grouped in one combo box; a stored rule that
/// does not compile is marked 规则无效), edit its eligibility rule as indented JSON with live validation
/// (debounced DebounceMs), test it against a firm (pass/fail and the Explainer's sentences in the UI
/// language) and save it. Save is enabled only while the text compiles; saving a policy's rule increments
/// Policy::ruleVersion.
class RuleEditorPage : public WorkspacePage
{
    Q_OBJECT

public:
    /// Delay between the last keystroke and the validation, milliseconds.
    static constexpr int DebounceMs = 300;

    /// Result of checking a rule text.
    struct Check
    {
        bool valid = false;   ///< parses and compiles (an empty text is valid: everyone)
        QString error;        ///< translated sentence naming the offset (JSON) or the path (engine)
        QStringList warnings; ///< translated sentences: unknown var, division by a var, string vs number
        QJsonValue rule;      ///< the parsed rule when valid (undefined for an empty text)
    };

    explicit RuleEditorPage(Store::Database &db, QWidget *parent = nullptr);

    /// Parses and compiles \a text and collects the warnings. Fact names come from
    /// Matching::FactCatalog::factNames(); a fact is numeric when its "unknown" value in
    /// FactBuilder::facts() is a number.
    static Check check(const QString &text);

    /// Chooses the policy or product with id \a id; false when it is not in the combo box.
    bool selectTarget(const QString &id);
    /// Id of the chosen policy or product; empty when none.
    QString currentTargetId() const;
    /// True when the chosen item is a policy (false: a product).
    bool currentIsPolicy() const;
    /// Validates the editor's text now (instead of waiting for the debounce timer).
    void validateNow();
    /// Evaluates the editor's rule for the firm \a enterpriseId; false when the rule is invalid or the firm
    /// cannot be loaded (the reason is shown in resultLabel()).
    bool testFirm(const QString &enterpriseId);
    /// Writes the rule through ReferenceRepository::save; false (and the store's error in saveMessage())
    /// when the rule does not compile or the store refuses.
    bool save();

    QComboBox *targetCombo() const { return m_target; }
    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *warningLabel() const { return m_warnings; }
    QPushButton *saveButton() const { return m_save; }
    FirmSearchWidget *searchWidget() const { return m_search; }
    QLabel *resultLabel() const { return m_result; }
    QPlainTextEdit *explanationView() const { return m_explanation; }
    QLabel *saveMessage() const { return m_saveMessage; }

protected:
    void refresh() override;

private:
    void loadTarget();

    Store::Database &m_db;
    QComboBox *m_target = nullptr;
    QLabel *m_storedState = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_saveMessage = nullptr;
    FirmSearchWidget *m_search = nullptr;
    QLabel *m_result = nullptr;
    QPlainTextEdit *m_explanation = nullptr;
    QTimer *m_debounce = nullptr;
    Check m_check;
    bool m_loading = false; ///< the editor's text is being set from the store
    bool m_dirty = false;   ///< the editor holds edits not saved yet
};

} // namespace XinDai::Ui
