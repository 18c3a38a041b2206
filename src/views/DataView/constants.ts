/** Side of the boundary plot in SVG user units (the SVG scales to the panel's width). */
export const PLOT_SIZE = 400;

/** Most hidden neurons drawn in the strip (the studio's MAX_HIDDEN). */
export const MAX_UNITS = 32;
