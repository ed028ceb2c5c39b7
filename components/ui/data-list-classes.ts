// Classes shared by the server list and the client forms placed in it (kept out of "use client"
// modules so server code can import them as plain strings).
/** On a selection bar's controls: shown only while a row of the list around it is ticked. */
export const SELECTION_BAR_CLASSES = "hidden group-has-[[data-row-select]:checked]/list:flex";
