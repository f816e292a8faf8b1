# Writes ${OUT}: run-wasi.mjs as a string literal, for `toyc run`.
file(READ ${SRC} text)
file(WRITE ${OUT}.tmp "// Generated from runtime/run-wasi.mjs by runtime/embed_runner.cmake. Do not edit.\n#include <string_view>\n\nnamespace toyc::runtime {\nextern const std::string_view kRunWasi;\nconst std::string_view kRunWasi = R\"TOYRT(${text})TOYRT\";\n}  // namespace toyc::runtime\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
