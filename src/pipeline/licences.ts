/**
 * Licence statements that more than one stage repeats, worded as the source
 * folders document them (kolada/MANIFEST.md): what is stated, by whom, and
 * what is not verified. Never a stronger claim than the source makes.
 */
/** The Kolada archive's licence as far as it is known (also the source line of aggregates over Kolada values). */
export const KOLADA_ARCHIVE_LICENCE =
  "Ingen licens angiven av arkivet (datapackage.json i open-numbers/ddf--kolada--dump har ett tomt fält license). Enligt tredje part används Kolada-data med källangivelsen \"Källa: Kolada\" under CC BY 4.0; det är inte kontrollerat hos RKA.";
