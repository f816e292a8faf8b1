// target_features and producers, merged as wasm-ld does: the allowed feature
// set is the union of what inputs use (or --features), a feature one input
// disallows may not be used by another, and producers keep the first version
// of each (field, name).
#include <algorithm>
#include <map>
#include <set>
#include "link/linker.h"
#include "utils/diag.h"

namespace toyc::link {

using namespace toyc::wasm;

bool Linker::checkFeatures() {
  std::set<std::string> allowed;
  std::map<std::string, std::string> usedBy, disallowedBy, requiredBy;
  bool inferred = !opts.features.has_value();
  if (!inferred)
    for (const std::string& f : *opts.features) allowed.insert(f);
  for (const std::string& f : opts.extraFeatures) allowed.insert(f);
  for (const auto& up : units) {
    for (const Feature& f : up->features) {
      std::string name(strings_.str(f.name));
      if (f.prefix == kFeatureUsed || f.prefix == kFeatureRequired) {
        usedBy.emplace(name, up->name);
        if (inferred) allowed.insert(name);
        if (f.prefix == kFeatureRequired) requiredBy.emplace(name, up->name);
      } else {
        disallowedBy.emplace(name, up->name);
      }
    }
  }
  if (opts.checkFeatures) {
    if (!inferred)
      for (const auto& [f, file] : usedBy)
        if (!allowed.count(f)) error("Target feature '" + f + "' used by " + file + " is not allowed.");
    // A file may not use what another file disallows.
    for (const auto& up : units)
      for (const Feature& x : up->features) {
        if (x.prefix == kFeatureDisallowed) continue;
        auto it = disallowedBy.find(std::string(strings_.str(x.name)));
        if (it != disallowedBy.end())
          error("Target feature '" + it->first + "' used in " + up->name + " is disallowed by " + it->second +
                ". Use --no-check-features to suppress.");
      }
    for (const auto& [f, file] : requiredBy)
      for (const auto& up : units) {
        if (!up->hasFeaturesSection) continue;
        bool has = false;
        for (const Feature& x : up->features)
          if (strings_.str(x.name) == f && x.prefix != kFeatureDisallowed) has = true;
        if (!has)
          error("Missing target feature '" + f + "' in " + up->name + ", required by " + file +
                ". Use --no-check-features to suppress.");
      }
  }
  outFeatures.assign(allowed.begin(), allowed.end());
  return !Diag::get().failed();
}

void Linker::mergeProducers() {
  static const char* const kFields[] = {"language", "processed-by", "sdk"};
  for (const char* field : kFields) {
    StrId fid = strings_.intern(field);
    std::set<uint32_t> seen;
    for (const auto& up : units)
      for (const Producer& p : up->producers)
        if (p.field == fid && seen.insert(p.name.v).second) outProducers.push_back(p);
  }
}

}  // namespace toyc::link
