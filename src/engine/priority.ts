/**
 * Named event priorities: at equal time, lower fires first (SST-style named priorities).
 * Order: Urgent < Clock < Default < Response < Stats < Exit.
 */
export const Priority = {
  Urgent: 0,
  Clock: 10,
  Default: 20,
  Response: 30,
  Stats: 40,
  Exit: 50,
} as const;
export type Priority = number;
