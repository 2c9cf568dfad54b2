/** Key heights and widths every part of the body is modelled from. */
export const BODY = {
  hipsY: 0.94,
  neckY: 1.385,
  headY: 1.455,
  /** Centre of the head ellipsoid. */
  headCenter: [0, 1.552, 0.004] as const,
  shoulderX: 0.05,
  upperArmX: 0.158,
  armY: 1.345,
  elbowX: 0.415,
  wristX: 0.645,
  legX: 0.085,
  kneeY: 0.5,
  ankleY: 0.085,
  eyeX: 0.034,
  eyeY: 1.54,
} as const;
