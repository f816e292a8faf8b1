#include "link/linker.h"
#include "utils/diag.h"
#include "utils/log.h"
#include "utils/parallel.h"

namespace toyc::link {

Linker::Linker(LinkOptions o) : opts(std::move(o)) {}
Linker::~Linker() = default;

bool Linker::run() {
  auto ok = [] { return !Diag::get().failed(); };
  setThreadCount(opts.threads);
  createSyntheticSymbols();
  loadInputs();
  if (!ok()) return false;
  pullRequiredSymbols();
  defineOptionalSymbols();
  handleEntryAndExports();
  checkSignatures();
  if (!ok()) return false;
  markLive();
  reportUndefined();
  createCommandExportWrappers();
  checkFeatures();
  if (!ok()) return false;
  mergeProducers();
  assignTypes();
  assignFunctions();
  assignGlobals();
  layoutTable();
  layoutMemory();
  layoutCustomSections();
  computeExports();
  buildSynthetics();
  if (!ok()) return false;
  if (!relocateCode()) return false;
  std::vector<uint8_t> bytes = writeModule();
  std::string err;
  if (!writeFileAtomic(opts.output, bytes, err)) {
    error(err);
    return false;
  }
  TOYC_LOG(Link, "wrote {} ({} bytes)", opts.output, bytes.size());
  return ok();
}

}  // namespace toyc::link
