export { SamplesSection } from "./samples-section";
export { SampleRows, type SampleDraft, emptySample, samplesToSend } from "./sample-rows";
