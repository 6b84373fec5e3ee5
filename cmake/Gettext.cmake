# Compiles locales/po/<lang>.po into <build>/locale/<lang>/LC_MESSAGES/relocale.mo (msgfmt --check),
# installs them under share/locale, and offers `pot` to re-extract locales/po/relocale.pot.
find_program(MSGFMT msgfmt REQUIRED)
find_program(XGETTEXT xgettext)
file(GLOB RELOCALE_PO_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/locales/po/*.po)
set(RELOCALE_MO_FILES)
foreach(po ${RELOCALE_PO_FILES})
  get_filename_component(lang ${po} NAME_WE)
  set(mo ${CMAKE_CURRENT_BINARY_DIR}/locale/${lang}/LC_MESSAGES/relocale.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT} --check -o ${mo} ${po}
    DEPENDS ${po} COMMENT "msgfmt ${lang}.po")
  list(APPEND RELOCALE_MO_FILES ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(catalogs ALL DEPENDS ${RELOCALE_MO_FILES})
if(XGETTEXT)
  add_custom_target(pot
    COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ --keyword=tr --keyword=trn:1,2
            --keyword=trc:1c,2 --keyword=N_ --add-comments=TRANSLATORS: --package-name=relocale
            --msgid-bugs-address=relocale@example.org --sort-by-file
            -o ${CMAKE_CURRENT_SOURCE_DIR}/locales/po/relocale.pot ${RELOCALE_LIB_SOURCES} ${RELOCALE_CLI_SOURCES}
    WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
    COMMENT "xgettext → locales/po/relocale.pot")
endif()
