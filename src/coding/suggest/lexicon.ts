/**
 * Clinical shorthand and everyday wording, as data. The FY2026 Alphabetic Index XML is not among
 * the held code sets (../shared/codesets/SOURCES.md), so titles alone would miss "HTN" or
 * "high blood pressure"; these entries stand in for the index's main terms for common office
 * problems. Each code is checked against the loaded release when the matcher is built, and an
 * entry whose code is not in that release is skipped. Written for this project.
 */

/** One note word read as several title words (offsets stay on the note's word). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  htn: 'hypertension',
  dm: 'diabetes mellitus',
  dm2: 'type 2 diabetes mellitus',
  t2dm: 'type 2 diabetes mellitus',
  t1dm: 'type 1 diabetes mellitus',
  dmii: 'type 2 diabetes mellitus',
  diabetes: 'diabetes mellitus',
  diabetic: 'diabetes mellitus',
  copd: 'chronic obstructive pulmonary disease',
  chf: 'heart failure',
  afib: 'atrial fibrillation',
  'a-fib': 'atrial fibrillation',
  uti: 'urinary tract infection',
  uri: 'acute upper respiratory infection',
  gerd: 'gastro-esophageal reflux disease',
  ckd: 'chronic kidney disease',
  mdd: 'major depressive disorder',
  oa: 'osteoarthritis',
  bph: 'benign prostatic hyperplasia',
  sob: 'shortness of breath',
  lbp: 'low back pain',
  hld: 'hyperlipidemia',
  osa: 'obstructive sleep apnea',
  aki: 'acute kidney failure',
  ibs: 'irritable bowel syndrome',
  ha: 'headache',
  gastroesophageal: 'gastro-esophageal',
  hypercholesterolemia: 'pure hypercholesterolemia',
};

export interface CommonTerm {
  terms: readonly string[];
  code: string;
}

/** Everyday names of common office problems and the code the Alphabetic Index gives them. */
export const COMMON_TERMS: readonly CommonTerm[] = [
  { terms: ['hypertension', 'high blood pressure', 'elevated blood pressure readings'], code: 'I10' },
  { terms: ['type 2 diabetes mellitus', 'diabetes mellitus'], code: 'E119' },
  { terms: ['asthma'], code: 'J45909' },
  { terms: ['asthma exacerbation', 'exacerbation of asthma'], code: 'J45901' },
  { terms: ['high cholesterol'], code: 'E7800' },
  { terms: ['coronary artery disease', 'cad'], code: 'I2510' },
  { terms: ['gastro-esophageal reflux disease', 'acid reflux', 'reflux'], code: 'K219' },
  { terms: ['depression'], code: 'F32A' },
  { terms: ['anxiety'], code: 'F419' },
  { terms: ['migraine'], code: 'G43909' },
  { terms: ['back pain'], code: 'M549' },
  { terms: ['sore throat'], code: 'J029' },
  { terms: ['strep throat', 'streptococcal pharyngitis'], code: 'J020' },
  { terms: ['common cold'], code: 'J00' },
  { terms: ['sinusitis'], code: 'J329' },
  { terms: ['acute sinusitis'], code: 'J0190' },
  { terms: ['ear infection', 'otitis media'], code: 'H6690' },
  { terms: ['bronchitis'], code: 'J40' },
  { terms: ['dizziness', 'dizzy'], code: 'R42' },
  { terms: ['fatigue', 'tiredness'], code: 'R5383' },
  { terms: ['nausea and vomiting', 'nausea with vomiting'], code: 'R112' },
  { terms: ['vomiting'], code: 'R1110' },
  { terms: ['diarrhea'], code: 'R197' },
  { terms: ['insomnia'], code: 'G4700' },
  { terms: ['osteoarthritis right knee', 'right knee osteoarthritis'], code: 'M1711' },
  { terms: ['osteoarthritis left knee', 'left knee osteoarthritis'], code: 'M1712' },
  { terms: ['osteoarthritis bilateral knees', 'bilateral knee osteoarthritis'], code: 'M170' },
  { terms: ['osteoarthritis'], code: 'M199' },
  {
    terms: ['current smoker', 'smokes cigarettes', 'cigarette smoker', 'nicotine dependence'],
    code: 'F17210',
  },
  { terms: ['former smoker', 'quit smoking', 'ex-smoker'], code: 'Z87891' },
  { terms: ['annual physical', 'annual wellness exam', 'routine physical'], code: 'Z0000' },
  { terms: ['flu shot', 'influenza vaccine', 'immunization', 'vaccination'], code: 'Z23' },
  { terms: ['ankle sprain right', 'right ankle sprain', 'sprained right ankle'], code: 'S93401A' },
  { terms: ['ankle sprain left', 'left ankle sprain', 'sprained left ankle'], code: 'S93402A' },
  { terms: ['stroke'], code: 'I639' },
  { terms: ['heart attack', 'myocardial infarction'], code: 'I219' },
  { terms: ['kidney stone', 'nephrolithiasis'], code: 'N200' },
  { terms: ['colon polyp'], code: 'K635' },
  { terms: ['breast cancer'], code: 'C50919' },
  { terms: ['colon cancer'], code: 'C189' },
  { terms: ['prostate cancer'], code: 'C61' },
  { terms: ['lung cancer'], code: 'C3490' },
  { terms: ['skin cancer', 'melanoma'], code: 'C439' },
  { terms: ['pulmonary embolism'], code: 'I2699' },
  { terms: ['deep vein thrombosis', 'dvt'], code: 'I82409' },
  { terms: ['alcoholism', 'alcohol dependence'], code: 'F1020' },
  { terms: ['dementia', "alzheimer's disease", 'alzheimer disease'], code: 'F03A0' },
  { terms: ['overweight'], code: 'E663' },
  { terms: ['ckd stage 3', 'chronic kidney disease stage 3'], code: 'N1830' },
  { terms: ['rash'], code: 'R21' },
  { terms: ['chronic kidney disease stage 3a', 'ckd stage 3a'], code: 'N1831' },
  { terms: ['pink eye', 'conjunctivitis'], code: 'H1030' },
  { terms: ['urinary tract infection'], code: 'N390' },
  { terms: ['hypothyroid'], code: 'E039' },
  { terms: ['seasonal allergies', 'hay fever'], code: 'J302' },
  { terms: ['eczema', 'atopic dermatitis'], code: 'L209' },
  { terms: ['palpitations'], code: 'R002' },
  { terms: ['upper respiratory infection'], code: 'J069' },
];

/** Titles that are too generic to suggest from one word of a note ("Illness, unspecified"). */
export const NEVER_FROM_TITLE = new Set(['R69', 'R52', 'R688', 'R6889', 'Z0000', 'Z0001']);
