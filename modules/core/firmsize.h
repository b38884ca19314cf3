#pragma once

#include "core/money.h"

#include <QCoreApplication>
#include <QString>

namespace XinDai::Core {

/// 企业规模 by 工信部联企业〔2011〕300号《中小企业划型标准规定》.
enum class FirmSize { Large, Medium, Small, Micro };

/// The sector rule of 〔2011〕300号 that applies to a firm, derived from its GB/T 4754-2017 industry code.
enum class FirmSector {
    Agriculture,   ///< 农、林、牧、渔业 (A01–A05): revenue
    Industry,      ///< 工业: 采矿业 B, 制造业 C, 电力热力燃气及水 D: employees and revenue
    Construction,  ///< 建筑业 E: revenue and total assets
    Wholesale,     ///< 批发业 F51: employees and revenue
    Retail,        ///< 零售业 F52: employees and revenue
    Transport,     ///< 交通运输业 G53–G58: employees and revenue
    Warehousing,   ///< 仓储业 G59: employees and revenue
    Postal,        ///< 邮政业 G60: employees and revenue
    Accommodation, ///< 住宿业 H61: employees and revenue
    Catering,      ///< 餐饮业 H62: employees and revenue
    InformationTransmission, ///< 信息传输业 I63–I64: employees and revenue
    SoftwareIt,              ///< 软件和信息技术服务业 I65: employees and revenue
    RealEstateDevelopment,   ///< 房地产开发经营 K7010 (and a bare K70): revenue and total assets
    PropertyManagement,      ///< 物业管理 K7020: employees and revenue
    LeasingBusiness,         ///< 租赁和商务服务业 L71–L72: employees and total assets
    Other                    ///< 其他未列明行业 (everything else, unknown codes included): employees
};

/// Classifies firms as large, medium, small or micro.
///
/// Thresholds (X 从业人员 persons, Y 营业收入, Z 资产总额, in 万元). Large = meets both "large" bounds;
/// otherwise medium if it meets both medium bounds, small if it meets both small bounds, else micro ("or" for
/// micro):
///   sector          large                 medium               small
///   农林牧渔         Y ≥ 20000             Y ≥ 500              Y ≥ 50
///   工业             X ≥ 1000, Y ≥ 40000   X ≥ 300, Y ≥ 2000    X ≥ 20, Y ≥ 300
///   建筑业           Y ≥ 80000, Z ≥ 80000  Y ≥ 6000, Z ≥ 5000   Y ≥ 300, Z ≥ 300
///   批发业           X ≥ 200, Y ≥ 40000    X ≥ 20, Y ≥ 5000     X ≥ 5, Y ≥ 1000
///   零售业           X ≥ 300, Y ≥ 20000    X ≥ 50, Y ≥ 500      X ≥ 10, Y ≥ 100
///   交通运输业       X ≥ 1000, Y ≥ 30000   X ≥ 300, Y ≥ 3000    X ≥ 20, Y ≥ 200
///   仓储业           X ≥ 200, Y ≥ 30000    X ≥ 100, Y ≥ 1000    X ≥ 20, Y ≥ 100
///   邮政业           X ≥ 1000, Y ≥ 30000   X ≥ 300, Y ≥ 2000    X ≥ 20, Y ≥ 100
///   住宿业 / 餐饮业  X ≥ 300, Y ≥ 10000    X ≥ 100, Y ≥ 2000    X ≥ 10, Y ≥ 100
///   信息传输业       X ≥ 2000, Y ≥ 100000  X ≥ 100, Y ≥ 1000    X ≥ 10, Y ≥ 100
///   软件和信息技术   X ≥ 300, Y ≥ 10000    X ≥ 100, Y ≥ 1000    X ≥ 10, Y ≥ 50
///   房地产开发经营   Y ≥ 200000, Z ≥ 10000 Y ≥ 1000, Z ≥ 5000   Y ≥ 100, Z ≥ 2000
///   物业管理         X ≥ 1000, Y ≥ 5000    X ≥ 300, Y ≥ 1000    X ≥ 100, Y ≥ 500
///   租赁和商务服务   X ≥ 300, Z ≥ 120000   X ≥ 100, Z ≥ 8000    X ≥ 10, Z ≥ 100
///   其他未列明行业   X ≥ 300               X ≥ 100              X ≥ 10
/// Indicators a sector does not use are ignored. Sectors are assigned at division level (4-digit classes
/// only matter inside K70); 金融业 J, which 300号 does not cover, falls under Other.
class FirmSizeClassifier
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Core::FirmSizeClassifier)

public:
    /// The sector rule for a GB/T 4754-2017 code ("C39", "39", "K7020", "I65" …); Other when unknown.
    static FirmSector sectorOf(const QString &industryCode);
    /// Size under the rule of sectorOf(industryCode). \a employees in persons; revenue = annual 营业收入;
    /// totalAssets = 资产总额 at year end.
    static FirmSize classify(const QString &industryCode, int employees, Money revenue, Money totalAssets);
    /// Size under an explicitly chosen sector rule.
    static FirmSize classify(FirmSector sector, int employees, Money revenue, Money totalAssets);
    /// Translated size name ("Medium"; zh_CN 中型).
    static QString label(FirmSize size);
    /// Translated name of the sector rule, to show which rule applied.
    static QString sectorLabel(FirmSector sector);
    /// Which indicators the sector's rule looks at.
    static bool usesEmployees(FirmSector sector);
    static bool usesRevenue(FirmSector sector);
    static bool usesTotalAssets(FirmSector sector);
};

} // namespace XinDai::Core
