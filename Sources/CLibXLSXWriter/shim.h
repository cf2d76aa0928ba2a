// libxlsxwriter (Debian: libxlsxwriter-dev): writes ranking.xlsx.
#include <xlsxwriter.h>
