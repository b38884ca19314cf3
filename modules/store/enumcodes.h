#pragma once

#include "core/domain/application.h"
#include "core/domain/creditrecord.h"
#include "core/domain/enterprise.h"
#include "core/domain/institution.h"
#include "core/domain/policy.h"
#include "core/domain/series.h"
#include "core/domain/user.h"

#include <QString>
#include <QStringView>

namespace XinDai::Store {

/// The stable lower_snake text under which an enum value is stored (and sent over the wire), e.g.
/// Role::WindowStaff → "window_staff", Application::State::Submitted → "submitted". These codes are
/// part of the schema (CHECK constraints in migrations/0001_core_tables.sql): never change one.
QString toCode(Core::Enterprise::Kind value);
QString toCode(Core::Institution::Type value);
QString toCode(Core::Policy::Type value);
QString toCode(Core::Application::State value);
QString toCode(Core::MonthlyValue::Kind value);
QString toCode(Core::CreditRecord::Kind value);
QString toCode(Core::Role value);

/// Parses a stored code; returns false (and leaves \a out unchanged) for an unknown code.
bool fromCode(QStringView code, Core::Enterprise::Kind *out);
bool fromCode(QStringView code, Core::Institution::Type *out);
bool fromCode(QStringView code, Core::Policy::Type *out);
bool fromCode(QStringView code, Core::Application::State *out);
bool fromCode(QStringView code, Core::MonthlyValue::Kind *out);
bool fromCode(QStringView code, Core::CreditRecord::Kind *out);
bool fromCode(QStringView code, Core::Role *out);

} // namespace XinDai::Store
