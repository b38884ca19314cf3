#include "prereview/documenttypes.h"

#include "prereview/prereviewtr_p.h"

namespace XinDai::Prereview {

namespace {

using Internal::Tr;

struct DocumentType
{
    const char16_t *code; ///< Document::docType, empty when no file type exists for it yet
    const char16_t *zh;   ///< name as products list it (data)
};

// Names as the products of the platform list them; codes as the window stores attached files.
constexpr DocumentType kTypes[] = {
    {u"business_licence", u"营业执照"},
    {u"financial_statement", u"近两年财务报表"},
    {u"financial_statement", u"近一年财务报表"},
    {u"tax_certificate", u"近12个月纳税证明"},
    {u"authorization", u"征信授权书"},
    {u"application_form", u"申请表"},
    {u"legal_rep_id", u"经营者身份证"},
    {u"hightech_certificate", u"高新技术企业证书"},
    {u"srdi_certificate", u"专精特新认定文件"},
    {u"qualification_certificate", u"资质认定文件"},
    {u"ip_certificate", u"知识产权证明"},
    {u"collateral_title", u"抵押物权属证明"},
    {u"equipment_title", u"设备权属证明"},
    {u"equipment_contract", u"设备购置合同"},
    {u"receivables", u"应收账款清单及合同"},
    {u"procurement_contract", u"政府采购合同"},
    {u"guarantor_documents", u"保证人资料"},
    {u"guarantee_application", u"担保申请书"},
    {u"guarantee_contract", u"担保合同"},
    {u"guarantee_fee_receipt", u"担保费缴纳凭证"},
    {u"loan_contract", u"贷款合同"},
    {u"disbursement_receipt", u"放款凭证"},
    {u"interest_receipt", u"利息支付凭证"},
    {u"business_plan", u"商业计划书"},
    {u"environmental_approval", u"环评批复"},
    {u"insurance_application", u"投保单"},
};

QString englishName(const QString &code)
{
    if (code == u"business_licence")
        return Tr::tr("business licence");
    if (code == u"financial_statement")
        return Tr::tr("financial statements");
    if (code == u"tax_certificate")
        return Tr::tr("tax payment certificate for the last 12 months");
    if (code == u"authorization")
        return Tr::tr("credit inquiry authorization");
    if (code == u"application_form")
        return Tr::tr("application form");
    if (code == u"legal_rep_id")
        return Tr::tr("ID card of the owner");
    if (code == u"hightech_certificate")
        return Tr::tr("High-tech Enterprise certificate");
    if (code == u"srdi_certificate")
        return Tr::tr("specialised and innovative SME certification");
    if (code == u"qualification_certificate")
        return Tr::tr("qualification certificate");
    if (code == u"ip_certificate")
        return Tr::tr("intellectual property certificates");
    if (code == u"collateral_title")
        return Tr::tr("title deeds of the collateral");
    if (code == u"equipment_title")
        return Tr::tr("title documents of the equipment");
    if (code == u"equipment_contract")
        return Tr::tr("equipment purchase contract");
    if (code == u"receivables")
        return Tr::tr("list of receivables with contracts");
    if (code == u"procurement_contract")
        return Tr::tr("government procurement contract");
    if (code == u"guarantor_documents")
        return Tr::tr("guarantor documents");
    if (code == u"guarantee_application")
        return Tr::tr("guarantee application");
    if (code == u"guarantee_contract")
        return Tr::tr("guarantee contract");
    if (code == u"guarantee_fee_receipt")
        return Tr::tr("guarantee fee receipt");
    if (code == u"loan_contract")
        return Tr::tr("loan contract");
    if (code == u"disbursement_receipt")
        return Tr::tr("disbursement receipt");
    if (code == u"interest_receipt")
        return Tr::tr("interest payment receipts");
    if (code == u"business_plan")
        return Tr::tr("business plan");
    if (code == u"environmental_approval")
        return Tr::tr("environmental impact approval");
    if (code == u"insurance_application")
        return Tr::tr("insurance application form");
    return {};
}

} // namespace

bool DocumentTypes::satisfies(const Core::Document &document, const QString &required)
{
    if (document.meta.deleted)
        return false;
    if (document.docType == required)
        return true;
    for (const DocumentType &t : kTypes) {
        if (document.docType == QStringView(t.code) && required == QStringView(t.zh))
            return true;
    }
    return false;
}

QString DocumentTypes::typeCode(const QString &required)
{
    for (const DocumentType &t : kTypes) {
        if (required == QStringView(t.zh) && t.code[0] != u'\0')
            return QString::fromUtf16(t.code);
    }
    return required;
}

QString DocumentTypes::displayName(const QString &nameOrCode, Matching::Language language)
{
    for (const DocumentType &t : kTypes) {
        if (nameOrCode != QStringView(t.code) && nameOrCode != QStringView(t.zh))
            continue;
        if (language == Matching::Language::Chinese)
            return QString::fromUtf16(t.zh);
        return englishName(QString::fromUtf16(t.code));
    }
    return nameOrCode;
}

} // namespace XinDai::Prereview
