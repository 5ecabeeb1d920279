/** Who else is involved with a customer (features/third-parties). */
export const thirdParties = {
  heading: "Third parties",
  none: "No third parties.",
  add: "Add third party",
  contract: "contract {{number}}",
  edit: "Edit third party",
  new: "New third party",
  save: "Save third party",
  name: "Name",
  role: "Role (e.g. tax adviser, installer)",
  email: "E-mail",
  phone: "Phone",
  contractNumber: "Contract number",
  contractStart: "Contract start",
  contractEnd: "Contract end",
  notes: "Notes",
};
