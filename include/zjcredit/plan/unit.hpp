// plan::unit: a body the plan names — a bureau, a regulator, the banks as a
// group, a utility, a guarantee company — with every name it goes by.
#ifndef ZJCREDIT_PLAN_UNIT_HPP
#define ZJCREDIT_PLAN_UNIT_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {

/// What kind of body a unit is. The plan itself does not classify its units;
/// the kinds are zjcredit's labels, for grouping and reporting.
enum class unit_kind {
    government_department,  ///< 市发改局, 市财政局, ...
    public_institution,     ///< 事业单位 such as 市公积金中心
    regulator,              ///< 人民银行湛江市中心支行, 湛江银保监分局
    bank_group,             ///< 各银行机构 / 各有关金融机构: all banks as one filer
    state_enterprise,       ///< 湛江供电局, 湛江粤海水务集团
    private_enterprise,     ///< 湛江新奥燃气公司
    guarantee_company,      ///< 粤财普惠金融（湛江）融资担保公司
};

/// The enumerator's name ("bank_group"), as the plan's JSON writes it.
constexpr std::string_view to_string(unit_kind k) noexcept {
    switch (k) {
        case unit_kind::government_department: return "government_department";
        case unit_kind::public_institution: return "public_institution";
        case unit_kind::regulator: return "regulator";
        case unit_kind::bank_group: return "bank_group";
        case unit_kind::state_enterprise: return "state_enterprise";
        case unit_kind::private_enterprise: return "private_enterprise";
        case unit_kind::guarantee_company: return "guarantee_company";
    }
    return "government_department";
}

/// The unit kind whose to_string() is `s`; nullopt for any other text.
constexpr std::optional<unit_kind> unit_kind_from_string(std::string_view s) noexcept {
    for (auto k : {unit_kind::government_department, unit_kind::public_institution, unit_kind::regulator,
                   unit_kind::bank_group, unit_kind::state_enterprise, unit_kind::private_enterprise,
                   unit_kind::guarantee_company})
        if (to_string(k) == s) return k;
    return std::nullopt;
}

/// A unit of the plan.
struct unit {
    std::string id;                    ///< stable ASCII id: "finance_bureau"
    std::string name;                  ///< the name the plan uses most: "市金融局"
    std::vector<std::string> aliases;  ///< every other name: "湛江市金融工作局", "金融局"
    unit_kind kind = unit_kind::government_department;  ///< zjcredit's label, for grouping
    /// On the notice's recipient list (主送). The issuer is not.
    bool addressed = false;
    /// The issuing body itself (it files no ledger to itself).
    bool issuer = false;
    std::string note;                  ///< anything the text leaves open, said plainly

    /// Whether `name` is this unit's id, name or one of its aliases.
    bool answers_to(std::string_view name_or_alias) const {
        if (name_or_alias == id || name_or_alias == name) return true;
        for (const auto& a : aliases)
            if (a == name_or_alias) return true;
        return false;
    }

    /// Field by field.
    friend bool operator==(const unit&, const unit&) = default;
};

}  // namespace zjcredit::plan

#endif
