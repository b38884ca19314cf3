#pragma once

#include "core/domain/document.h"

#include <QVector>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace XinDai::Ui {

class WalkInWizard;

/// Step 4 of the walk-in wizard: the product applied for and its checklist of required documents
/// (FinancingProduct::requiredDocuments, names matched with Prereview::DocumentTypes). Each document is
/// already on file, attached now (PDF/JPEG/PNG up to 20 MB, WalkInAttachment) or marked "bring next
/// visit"; the step is complete when every row is one of these. Files are saved on submission.
class WalkInDocumentsPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { DocumentColumn, StatusColumn, AttachColumn, BringColumn, ColumnCount };

    explicit WalkInDocumentsPage(WalkInWizard &wizard);

    /// Chooses the product (by FinancingProduct id) whose checklist is shown; false when unknown.
    bool setProduct(const QString &productId);
    QString productId() const;
    /// The required-document names of the product, in its order (the table's rows).
    QStringList requiredDocuments() const { return m_required; }
    /// Checks \a path and attaches it for \a required; false with the reason shown when refused.
    bool attachFile(const QString &required, const QString &path);
    /// Marks \a required as brought next visit (or not).
    bool setBringNextVisit(const QString &required, bool bring);
    /// True when \a required is on file, attached or marked to bring.
    bool isHandled(const QString &required) const;
    QString errorText() const;

    QComboBox *productCombo() const { return m_product; }
    QTableWidget *checklist() const { return m_table; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void rebuild();
    void updateRows();
    QString onFile(const QString &required) const;

    WalkInWizard &m_wizard;
    QComboBox *m_product = nullptr;
    QLabel *m_productInfo = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QStringList m_required;
    QVector<Core::Document> m_onFile;
    bool m_rebuilding = false;
};

} // namespace XinDai::Ui
