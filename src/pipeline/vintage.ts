/**
 * The data vintage shown in the footer, datapackage.json and CITATION.cff:
 * what the newest imported source covers. A recorded fact, not the clock.
 */
export const DATA_VINTAGE = "Kolada t.o.m. 2022 (arkiv 2024-08-31); riksdagens uppföljning 2015; SOCSAM 1998";
