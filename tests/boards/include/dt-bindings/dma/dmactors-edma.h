/*
 * Test header: EDMA event numbers and transfer-controller (event queue) numbers of the test
 * SoC in tests/boards/sysc, in the style of a dt-bindings header. Values are ours.
 */
#ifndef __DT_BINDINGS_DMACTORS_EDMA_H
#define __DT_BINDINGS_DMACTORS_EDMA_H

#define EDMA_TC0		0
#define EDMA_TC1		1
#define EDMA_TC2		2

#define EDMA_EVT_MCASP0_TX	8
#define EDMA_EVT_MCASP0_RX	9
#define EDMA_EVT_SPI0_TX0	16
#define EDMA_EVT_SPI0_RX0	17
#define EDMA_EVT_MMC0_TX	24
#define EDMA_EVT_MMC0_RX	25
#define EDMA_EVT_UART0_TX	26
#define EDMA_EVT_UART0_RX	27

/* Inputs of the event crossbar (its third cell): what drives a mapped EDMA event. */
#define XBAR_EVT_MMC1_TX	1
#define XBAR_EVT_MMC1_RX	2
#define XBAR_EVT_UART3_TX	7
#define XBAR_EVT_UART3_RX	8
#define XBAR_EVT_SPI1_TX0	16
#define XBAR_EVT_SPI1_RX0	17
#define XBAR_EVT_MCASP1_TX	20
#define XBAR_EVT_MCASP1_RX	21

#endif
