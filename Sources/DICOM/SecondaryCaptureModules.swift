/// The attribute table of the Secondary Capture Image IOD (PS3.3 §A.8.1), one function per
/// module, in the order the IOD lists them. Types are those of the module tables; the
/// encoder sorts the union by tag, so order here is for reading only.
enum SecondaryCaptureModules {
    /// Code for Purpose of Reference in Contributing Equipment (CID 7005).
    static let synthesizingEquipment = (value: "109100", scheme: "DCM", meaning: "Synthesizing Equipment")

    /// Every module's attributes for `image`.
    static func attributes(for image: SecondaryCaptureImage) -> [DICOMAttribute] {
        patient(image) + generalStudy(image) + patientStudy(image) + generalSeries(image)
            + generalEquipment(image) + scEquipment(image) + generalImage(image) + imagePixel(image)
            + scImage(image) + voiLUT(image) + sopCommon(image) + outsideIOD(image)
    }

    // MARK: Patient IE

    static func patient(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.patientName, .PN, .type2, .string(i.patientName)),
            .init(.patientID, .LO, .type2, .string(i.patientID)),
            .init(.patientBirthDate, .DA, .type2, nil),  // made-up patient: unknown
            .init(.patientSex, .CS, .type2, .string(sexCode(i.patientSex))),
        ]
    }

    // MARK: Study IE

    static func generalStudy(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.studyInstanceUID, .UI, .type1, .string(i.studyInstanceUID)),
            .init(.studyDate, .DA, .type2, .string(i.studyDate)),
            .init(.studyTime, .TM, .type2, .string(i.studyTime)),
            .init(.referringPhysicianName, .PN, .type2, nil),
            .init(.studyID, .SH, .type2, .string(i.studyID)),
            .init(.accessionNumber, .SH, .type2, nil),
            .init(.studyDescription, .LO, .type3, i.studyDescription.map(DICOMValue.string)),
        ]
    }

    static func patientStudy(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [.init(.patientAge, .AS, .type3, i.patientAgeYears.flatMap(ValueText.ageString).map(DICOMValue.string))]
    }

    // MARK: Series IE

    static func generalSeries(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.modality, .CS, .type1, .string(i.modality)),
            .init(.seriesInstanceUID, .UI, .type1, .string(i.seriesInstanceUID)),
            .init(.seriesNumber, .IS, .type2, .integers([i.seriesNumber])),
            // Laterality (2C) applies to paired body parts only; the chest is not one.
            .init(.seriesDate, .DA, .type3, .string(i.studyDate)),
            .init(.seriesTime, .TM, .type3, .string(i.studyTime)),
            .init(.seriesDescription, .LO, .type3, i.seriesDescription.map(DICOMValue.string)),
            .init(.bodyPartExamined, .CS, .type3, .string("CHEST")),
        ]
    }

    // MARK: Equipment IE

    static func generalEquipment(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.manufacturer, .LO, .type2, .string(i.manufacturer)),
            .init(.manufacturerModelName, .LO, .type3, .string(i.modelName)),
            .init(.softwareVersions, .LO, .type3, .string(i.softwareVersion)),
        ]
    }

    static func scEquipment(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.conversionType, .CS, .type1, .string("SYN")),  // synthetic image
            .init(.secondaryCaptureDeviceManufacturer, .LO, .type3, .string(i.manufacturer)),
            .init(.secondaryCaptureDeviceManufacturerModelName, .LO, .type3, .string(i.modelName)),
            .init(.secondaryCaptureDeviceSoftwareVersions, .LO, .type3, .string(i.softwareVersion)),
        ]
    }

    // MARK: Image IE
    // General Acquisition has only Type 3 attributes, none of which apply to a synthetic image.

    static func generalImage(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.instanceNumber, .IS, .type2, .integers([i.instanceNumber])),
            // 2C: required because an SC image has no Image Orientation/Position (Patient).
            .init(.patientOrientation, .CS, .type2, patientOrientation(i).map(DICOMValue.strings)),
            .init(.contentDate, .DA, .type2, .string(i.studyDate)),
            .init(.contentTime, .TM, .type2, .string(i.studyTime)),
            .init(.imageType, .CS, .type3, .strings(["DERIVED", "SECONDARY"])),
            .init(.derivationDescription, .ST, .type3, i.derivationDescription.map(DICOMValue.text)),
            .init(.imageComments, .LT, .type3, .text(i.imageComments)),
            .init(.burnedInAnnotation, .CS, .type3, .string("NO")),
            .init(.recognizableVisualFeatures, .CS, .type3, .string("NO")),
            .init(.lossyImageCompression, .CS, .type3, .string("00")),
        ]
    }

    static func imagePixel(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.samplesPerPixel, .US, .type1, .uint16s([1])),
            .init(.photometricInterpretation, .CS, .type1, .string("MONOCHROME2")),
            .init(.rows, .US, .type1, .uint16s([UInt16(i.rows)])),
            .init(.columns, .US, .type1, .uint16s([UInt16(i.columns)])),
            .init(.bitsAllocated, .US, .type1, .uint16s([16])),
            .init(.bitsStored, .US, .type1, .uint16s([16])),
            .init(.highBit, .US, .type1, .uint16s([15])),
            .init(.pixelRepresentation, .US, .type1, .uint16s([0])),  // unsigned
            .init(.pixelData, .OW, .type1, .words(i.pixels)),
        ]
    }

    static func scImage(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.dateOfSecondaryCapture, .DA, .type3, .string(i.studyDate)),
            .init(.timeOfSecondaryCapture, .TM, .type3, .string(i.studyTime)),
            // Pixel Spacing comes from the Basic Pixel Spacing Calibration Macro that the SC
            // Image module includes (1C: "may be present otherwise").
            .init(.pixelSpacing, .DS, .type3, i.pixelSpacingMM.map { .decimals([$0, $0]) }),
        ]
    }

    static func voiLUT(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        let w = i.windows
        return [
            .init(.windowCenter, .DS, .type3, w.isEmpty ? nil : .decimals(w.map(\.center))),
            .init(.windowWidth, .DS, .type3, w.isEmpty ? nil : .decimals(w.map(\.width))),
            .init(.windowCenterWidthExplanation, .LO, .type3, w.isEmpty ? nil : .strings(w.map(\.explanation))),
        ]
    }

    static func sopCommon(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [
            .init(.sopClassUID, .UI, .type1, .string(DICOMUID.secondaryCaptureImageStorage)),
            .init(.sopInstanceUID, .UI, .type1, .string(i.sopInstanceUID)),
            // UTF-8, so the prompt and names may hold any character.
            .init(.specificCharacterSet, .CS, .type1, .string("ISO_IR 192")),
            .init(.instanceCreationDate, .DA, .type3, .string(i.studyDate)),
            .init(.instanceCreationTime, .TM, .type3, .string(i.studyTime)),
            .init(.syntheticData, .CS, .type3, .string("YES")),
            .init(.contributingEquipmentSequence, .SQ, .type3, .items([contributingEquipment(i)])),
        ]
    }

    /// The generator as Synthesizing Equipment (DCM 109100).
    static func contributingEquipment(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        let purpose: [DICOMAttribute] = [
            .init(.codeValue, .SH, .type1, .string(synthesizingEquipment.value)),
            .init(.codingSchemeDesignator, .SH, .type1, .string(synthesizingEquipment.scheme)),
            .init(.codeMeaning, .LO, .type1, .string(synthesizingEquipment.meaning)),
        ]
        return [
            .init(.manufacturer, .LO, .type1, .string(i.manufacturer)),
            .init(.manufacturerModelName, .LO, .type3, .string(i.modelName)),
            .init(.softwareVersions, .LO, .type3, .string(i.softwareVersion)),
            .init(.contributionDateTime, .DT, .type3, .string(i.studyDate + i.studyTime)),
            .init(.contributionDescription, .ST, .type3, .text("Synthetic image generated from a text prompt")),
            .init(.purposeOfReferenceCodeSequence, .SQ, .type1, .items([purpose])),
        ]
    }

    /// Attributes of other IODs that chest-radiograph tools look for. View Position belongs
    /// to the DX Positioning module, so validators warn that it is not in the SC IOD.
    static func outsideIOD(_ i: SecondaryCaptureImage) -> [DICOMAttribute] {
        [.init(.viewPosition, .CS, .type3, normalizedView(i.viewPosition).map(DICOMValue.string))]
    }

    // MARK: Derived values

    /// `M`, `F`, or `O` for anything else (PS3.3 §C.7.1.1 defined terms).
    static func sexCode(_ sex: String?) -> String {
        switch sex?.uppercased() {
        case "M", "MALE": "M"
        case "F", "FEMALE": "F"
        default: "O"
        }
    }

    /// `PA`, `AP`, `LL` or `RL`, or nil.
    static func normalizedView(_ view: String?) -> String? {
        guard let v = view?.uppercased(), ["PA", "AP", "LL", "RL"].contains(v) else { return nil }
        return v
    }

    /// Patient Orientation: direction of the rows (left → right on screen), then of the
    /// columns (top → bottom).
    ///
    /// Frontal chest films, PA and AP alike, are displayed as if facing the patient: the
    /// patient's left is on the image's right, so rows run toward the patient's Left and
    /// columns toward the Feet: `L\F`. Laterals are displayed with the patient facing the
    /// viewer's left (anterior on the image's left), so rows run toward Posterior: `P\F`.
    /// Unknown view: empty (Type 2), since the writer cannot know the layout.
    static func patientOrientation(_ i: SecondaryCaptureImage) -> [String]? {
        if let explicit = i.patientOrientation { return explicit }
        switch normalizedView(i.viewPosition) {
        case "PA", "AP": return ["L", "F"]
        case "LL", "RL": return ["P", "F"]
        default: return nil
        }
    }
}
