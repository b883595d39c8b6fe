/*
 * Test header in the style of the kernel's dt-bindings headers: macros a board file
 * includes with #include <dt-bindings/...> and cpp -I <dir>/include. Values are ours.
 */
#ifndef __DT_BINDINGS_DMACTORS_SYSC_H
#define __DT_BINDINGS_DMACTORS_SYSC_H

#define SYSC_CLOCKACTIVITY	(3 << 8)
#define SYSC_SOFTRESET		(1 << 1)
#define SYSC_AUTOIDLE		(1 << 0)

#define SYSC_IDLE_FORCE		0
#define SYSC_IDLE_NO		1
#define SYSC_IDLE_SMART		2

#endif
