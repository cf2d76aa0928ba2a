// C's stdout and stderr are global variables: Swift 6 will not read a global variable from
// concurrent code, so the streams are reached through these functions.
#include <stdio.h>

static inline FILE *auditStandardOutput(void) { return stdout; }
static inline FILE *auditStandardError(void) { return stderr; }
