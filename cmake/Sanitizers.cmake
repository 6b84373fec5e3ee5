# RELOCALE_SANITIZE=address,undefined builds everything with those sanitizers, and any finding
# stops the program (-fno-sanitize-recover=all), so ctest fails on it.
set(RELOCALE_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(RELOCALE_SANITIZE)
  add_compile_options(-fsanitize=${RELOCALE_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${RELOCALE_SANITIZE})
endif()
